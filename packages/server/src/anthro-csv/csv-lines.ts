/**
 * A small streaming CSV tokenizer for the scoring hot path. `csv-parse` (used for the rest of Tumbuh)
 * parses about 0.5–1 million short rows per second on a 2-core machine, which alone would use the whole
 * time budget of `tumbuh zscore` (500,000 rows/s end to end). Most rows carry no quotes, so this splits
 * them with `indexOf` and keeps a full RFC 4180 path (quotes, doubled quotes, line breaks inside quotes)
 * for the rows that do. It also returns each record's raw text, so rows can be passed through unchanged.
 */

/** One record: its fields and its raw text (without the line break). */
export interface CsvRecord {
  fields: string[];
  raw: string;
}

const QUOTE = 34; // "

/** Splits a line that contains no quote character into `fields` (cleared first). */
function splitPlain(line: string, delimiter: string, fields: string[]): string[] {
  fields.length = 0;
  let start = 0;
  for (;;) {
    const next = line.indexOf(delimiter, start);
    if (next < 0) {
      fields.push(line.slice(start));
      return fields;
    }
    fields.push(line.slice(start, next));
    start = next + 1;
  }
}

/**
 * Parses one quoted record starting at `start` of `text`. Returns the fields and the index just past the
 * record's line break, or undefined when the record is not complete yet (an open quote at the end).
 */
function parseQuoted(
  text: string,
  start: number,
  delimiter: number,
  final: boolean,
): { fields: string[]; end: number; rawEnd: number } | undefined {
  const fields: string[] = [];
  let i = start;
  let field = "";
  let inQuotes = false;
  // A quote opens a quoted field only at the start of a field; elsewhere it is a character (Ma"ruf).
  let atFieldStart = true;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i += 2;
          continue;
        }
        if (i + 1 >= n && !final) return undefined; // a doubled quote may follow in the next chunk
        inQuotes = false;
        i++;
        continue;
      }
      const nextQuote = text.indexOf('"', i);
      if (nextQuote < 0) {
        if (!final) return undefined;
        field += text.slice(i);
        i = n;
        break;
      }
      field += text.slice(i, nextQuote);
      i = nextQuote;
      continue;
    }
    if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (c === 10 /* \n */) {
      fields.push(field);
      const rawEnd = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      return { fields, end: i + 1, rawEnd };
    } else if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
      i++; // \r of \r\n
    } else {
      field += text[i];
      atFieldStart = false;
      i++;
    }
  }
  if (!final) return undefined;
  fields.push(field);
  return { fields, end: n, rawEnd: n };
}

/**
 * Splits `text[start, end)`, which holds no quote character, into `fields`, cutting only the
 * fields `keep` marks: the others are "" and none after the last kept one is added. The first
 * field cut is field `first`: the `first` fields before it are left as they are in `fields`.
 */
function splitSelected(
  text: string,
  start: number,
  end: number,
  delimiter: string,
  fields: string[],
  keep: Uint8Array,
  first: number,
): string[] {
  fields.length = first;
  const last = keep.length - 1;
  for (let i = first; ; i++) {
    let next = text.indexOf(delimiter, start);
    if (next < 0 || next > end) next = end;
    fields.push(keep[i] === 1 ? text.slice(start, next) : "");
    if (next >= end || i >= last) return fields;
    start = next + 1;
  }
}

/** The text of `text[start, end)` up to and including its `count`-th delimiter; "" when it has fewer. */
function leadingFields(text: string, start: number, end: number, delimiter: string, count: number): string {
  let at = start - 1;
  for (let k = 0; k < count; k++) {
    at = text.indexOf(delimiter, at + 1);
    if (at < 0 || at >= end) return "";
  }
  return text.slice(start, at + 1);
}

/** Receives one record; `fields` may be reused for the next record, so copy it to keep it. */
export type OnRecord = (fields: string[], raw: string) => void;

/**
 * Incremental tokenizer: feed it text chunks, get complete records. The delimiter is fixed when the
 * tokenizer is created (see sniffDelimiter).
 */
export class CsvLines {
  private rest = "";
  private readonly delimiterCode: number;
  private readonly reused: string[] = [];
  /** Set by select(): the columns to cut from plain lines; records then come without their raw text. */
  private keep: Uint8Array | undefined;
  /** Set by select(): leading fields taken from the previous record when their text is the same. */
  private shared = 0;
  /** The previous plain line's text up to the delimiter after its `shared` leading fields ("" when none). */
  private sharedText = "";

  constructor(private readonly delimiter: "," | ";") {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * From now on, cuts only the fields at `columns` out of lines without quotes (the others are
   * empty, none past the last one given) and gives records without their raw text (""): a reader
   * that uses a few columns of a wide file makes no strings for the rest. Quoted lines are still
   * cut whole.
   *
   * With `shared` > 0, a plain line whose first `shared` fields are written exactly as in the
   * plain line before it gets that line's strings for them (the same string objects): files that
   * list a child's months one after another repeat its columns row after row, and a reader can
   * then tell a repeat by identity and need not cut them again.
   */
  select(columns: readonly number[], shared = 0): void {
    const keep = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const c of columns) keep[c] = 1;
    this.keep = keep;
    // Fields past the last selected one are never cut, so only those before it can be shared.
    this.shared = Math.max(0, Math.min(shared, keep.length - 1));
    this.sharedText = "";
  }

  /** Adds a chunk and returns the records it completes (fields copied); `final` for the last chunk. */
  push(chunk: string, final = false, into: CsvRecord[] = []): CsvRecord[] {
    this.feed(chunk, final, (fields, raw) => into.push({ fields: fields.slice(), raw }));
    return into;
  }

  /** Adds a chunk and calls `onRecord` for each record it completes, without copying fields. */
  feed(chunk: string, final: boolean, onRecord: OnRecord): void {
    const nl = this.rest.length > 0 ? chunk.indexOf("\n") : -1;
    if (nl < 0) this.scan(this.rest.length > 0 ? this.rest + chunk : chunk, 0, final, onRecord);
    else {
      // The line begun in the last chunk ends in this one: it is read on its own, and the chunk
      // after it where it is, not copied behind it (a copy of every chunk of the file otherwise).
      const head = this.rest + chunk.slice(0, nl + 1);
      this.rest = "";
      this.scan(head, 0, false, onRecord);
      if (this.rest.length === 0) this.scan(chunk, nl + 1, final, onRecord);
      // A quoted field goes on past that line: the rest and the chunk are read as one text.
      else this.scan(this.rest + chunk.slice(nl + 1), 0, final, onRecord);
    }
  }

  /** Reads the records of `text` from `pos`; what is left of an unfinished record becomes `rest`. */
  private scan(text: string, pos: number, final: boolean, onRecord: OnRecord): void {
    const n = text.length;
    // The next quote at or after `pos` (n when none): searched again only once `pos` has passed it, so
    // a chunk without quotes is scanned once, not once per line.
    let quote = -1;
    while (pos < n) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? n : nl;
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote < 0) quote = n;
      }
      if (quote > lineEnd) {
        const keep = this.keep;
        if (keep !== undefined) {
          const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
          if (end > pos) onRecord(this.splitPlainLine(text, pos, end, keep), "");
          pos = lineEnd + 1;
          continue;
        }
        const raw = text.slice(
          pos,
          lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd,
        );
        if (raw.length) onRecord(splitPlain(raw, this.delimiter, this.reused), raw);
        pos = lineEnd + 1;
        continue;
      }
      const parsed = parseQuoted(text, pos, this.delimiterCode, final);
      if (!parsed) break;
      // `reused` no longer holds the record before the next one.
      this.sharedText = "";
      onRecord(parsed.fields, text.slice(pos, parsed.rawEnd));
      pos = parsed.end;
    }
    this.rest = pos < n ? text.slice(pos) : "";
  }

  /** Cuts a plain line (`select` given), taking its shared leading fields from the line before when they are the same. */
  private splitPlainLine(text: string, start: number, end: number, keep: Uint8Array): string[] {
    const shared = this.sharedText;
    // The shared text holds no line break, so a match lies within this line. A slice compared
    // with === (a memory comparison) is several times faster here than startsWith.
    if (
      shared.length > 0 &&
      shared.length < end - start &&
      text.slice(start, start + shared.length) === shared
    )
      return splitSelected(text, start + shared.length, end, this.delimiter, this.reused, keep, this.shared);
    if (this.shared > 0) this.sharedText = leadingFields(text, start, end, this.delimiter, this.shared);
    return splitSelected(text, start, end, this.delimiter, this.reused, keep, 0);
  }
}
