import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../db/connection.ts";
import { filesFolder } from "./services.ts";

const saved = process.env.TUMBUH_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.TUMBUH_DATA_DIR;
  else process.env.TUMBUH_DATA_DIR = saved;
});

describe("the folder of uploads and stored documents", () => {
  it("is inside the embedded database's data folder", () => {
    expect(filesFolder({ dataDir: "/srv/tumbuh/data" } as Database)).toBe("/srv/tumbuh/data/uploads");
  });

  it("is inside TUMBUH_DATA_DIR with a PostgreSQL server, never a shared temporary folder", () => {
    process.env.TUMBUH_DATA_DIR = "/srv/tumbuh/files";
    expect(filesFolder({ dataDir: undefined } as Database)).toBe("/srv/tumbuh/files/uploads");
    delete process.env.TUMBUH_DATA_DIR;
    expect(filesFolder({ dataDir: undefined } as Database)).toBe(join(resolve("./data"), "uploads"));
  });
});
