/** Referrals of faltering children, the KBM table in use, and the F II Gizi monthly report. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  F2GiziQuery,
  F2GiziResponse,
  KbmChoiceBody,
  KbmQuery,
  KbmSettings,
  ReferralBody,
  ReferralList,
  ReferralParams,
  ReferralQuery,
  ReferralResponse,
  ReferralUpdate,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function referralRoutes(app: App, ctx: AppContext): Promise<void> {
  const { referrals, kbm, f2gizi } = ctx.services;
  const today = () => todayInIndonesia(ctx.now());
  const tags = ["posyandu"];

  app.get(
    "/api/referrals",
    {
      schema: {
        tags,
        summary:
          "Referrals of a region, posyandu, puskesmas or child with status and history (named; audited)",
        querystring: ReferralQuery,
        response: responses({ 200: ReferralList }),
      },
    },
    async (request) => referrals.list(requireUser(request), request.query, today(), request.ip),
  );

  app.post(
    "/api/referrals",
    {
      schema: {
        tags,
        summary: "Refer a faltering child to the puskesmas (reasons from its growth alerts)",
        body: ReferralBody,
        response: responses({ 201: ReferralResponse }),
      },
    },
    async (request, reply) => {
      const referral = await referrals.create(requireUser(request), request.body, today(), request.ip);
      return reply.code(201).send({ referral });
    },
  );

  app.get(
    "/api/referrals/:id",
    {
      schema: {
        tags,
        summary: "One referral with its history",
        params: ReferralParams,
        response: responses({ 200: ReferralResponse }),
      },
    },
    async (request) => ({ referral: await referrals.get(requireUser(request), request.params.id) }),
  );

  app.patch(
    "/api/referrals/:id",
    {
      schema: {
        tags,
        summary: "Mark a referral attended or resolved, with a note (the puskesmas)",
        params: ReferralParams,
        body: ReferralUpdate,
        response: responses({ 200: ReferralResponse }),
      },
    },
    async (request) => ({
      referral: await referrals.update(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.get(
    "/api/kbm",
    {
      schema: {
        tags,
        summary: "The KBM table variants, the national and district choices, and the table a region uses",
        querystring: KbmQuery,
        response: responses({ 200: KbmSettings }),
      },
    },
    async (request) => kbm.settings(requireUser(request), request.query.region),
  );

  app.put(
    "/api/kbm",
    {
      schema: {
        tags,
        summary:
          "Choose the national KBM table (national admin) or a district's own (district health office)",
        body: KbmChoiceBody,
        response: responses({ 200: KbmSettings }),
      },
    },
    async (request) => kbm.choose(requireUser(request), request.body, request.ip),
  );

  app.get(
    "/api/f2gizi",
    {
      schema: {
        tags,
        summary: "F II Gizi monthly posyandu report per puskesmas (JSON, CSV, XLSX or PDF)",
        querystring: F2GiziQuery,
        response: responses({
          200: z.union([F2GiziResponse, z.any().describe("the CSV, XLSX or PDF file")]),
        }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const q = request.query;
      if (q.format === "json") return f2gizi.report(user, q, today());
      const file = await f2gizi.file(user, { ...q, format: q.format }, today(), request.ip);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
