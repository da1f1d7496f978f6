-- Full-text search over every story on PostgreSQL; see docs/decisions/024-search-on-postgresql.md.
-- Hand-written (a drizzle-kit custom migration): drizzle cannot model text search configurations,
-- functions or triggers. Every story is indexed whatever its status; visibility is checked when
-- searching. The triggers keep search_documents in the same transaction as each write.
--
-- Words: English stemming (Snowball) without a stop-word list, so that "the" or "who" still match as
-- they do on SQLite's FTS5, with accents folded by unaccent.
CREATE EXTENSION IF NOT EXISTS unaccent
--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY moodwire_english_stem (TEMPLATE = snowball, LANGUAGE = english)
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION moodwire (COPY = pg_catalog.english)
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION moodwire
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH moodwire_english_stem
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION moodwire
  ALTER MAPPING FOR word, hword, hword_part WITH unaccent, moodwire_english_stem
--> statement-breakpoint
-- Scripts written without spaces (Chinese, Japanese, Korean, Thai…): every run of them is cut into
-- overlapping two-character grams, plus its last character alone. A term of two characters or more
-- needs all its grams (then the exact substring is checked); a one-character term is a prefix match
-- on the grams, which is exact because every character of a run starts one. The character class is
-- the one lib/search-query.ts uses to split queries (tests/unit/pg-search.test.ts checks they agree).
CREATE FUNCTION moodwire_cjk_grams(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(m.run[1], i, 2)), '{}')
  FROM regexp_matches(doc, '[\u00b7\u02bc\u02d7\u0303\u0305\u0323\u0331\u0e01-\u0e3a\u0e40-\u0e5b\u0e81-\u0e82\u0e84\u0e86-\u0e8a\u0e8c-\u0ea3\u0ea5\u0ea7-\u0ebd\u0ec0-\u0ec4\u0ec6\u0ec8-\u0ece\u0ed0-\u0ed9\u0edc-\u0edf\u1000-\u109f\u1100-\u11ff\u1780-\u17dd\u17e0-\u17e9\u17f0-\u17f9\u19e0-\u19ff\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u2fff\u3001-\u3003\u3005-\u3011\u3013-\u301f\u3021-\u3035\u3037-\u303f\u3041-\u3096\u3099-\u30ff\u3131-\u318e\u3190-\u319f\u31c0-\u31e5\u31ef-\u321e\u3220-\u3247\u3260-\u327e\u3280-\u32b0\u32c0-\u32cb\u32d0-\u3370\u337b-\u337f\u33e0-\u33fe\u3400-\u4dbf\u4e00-\u9fff\ua700-\ua707\ua92e\ua960-\ua97c\ua9e0-\ua9fe\uaa60-\uaa7f\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uf900-\ufa6d\ufa70-\ufad9\ufe45-\ufe46\uff61-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc\U000116d0-\U000116e3\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6\U0001aff0-\U0001aff3\U0001aff5-\U0001affb\U0001affd-\U0001affe\U0001b000-\U0001b122\U0001b132\U0001b150-\U0001b152\U0001b155\U0001b164-\U0001b167\U0001d360-\U0001d371\U0001f200\U0001f250-\U0001f251\U00020000-\U0002a6df\U0002a700-\U0002b81d\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479]+', 'g') AS m(run),
       generate_series(1, char_length(m.run[1])) AS i
$$
--> statement-breakpoint
CREATE TABLE search_documents (
  article_id integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  -- the story's tag names, for the substring check and snippets (the other fields are read from articles)
  tags text NOT NULL DEFAULT '',
  -- title A, standfirst B, tags and byline C, body D: ts_rank weighs them 1.0, 0.4, 0.25, 0.1
  words tsvector NOT NULL,
  cjk tsvector NOT NULL
)
--> statement-breakpoint
CREATE INDEX search_documents_words_idx ON search_documents USING gin (words)
--> statement-breakpoint
CREATE INDEX search_documents_cjk_idx ON search_documents USING gin (cjk)
--> statement-breakpoint
-- (Re)indexes the given stories, or every story when ids is NULL.
CREATE FUNCTION moodwire_search_refresh(ids integer[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  INSERT INTO search_documents (article_id, tags, words, cjk)
  SELECT a.id, t.tags,
    setweight(to_tsvector('moodwire', a.title), 'A')
      || setweight(to_tsvector('moodwire', a.standfirst), 'B')
      || setweight(to_tsvector('moodwire', t.tags), 'C')
      || setweight(to_tsvector('moodwire', a.byline), 'C')
      || setweight(to_tsvector('moodwire', a.body), 'D'),
    array_to_tsvector(moodwire_cjk_grams(concat_ws(' ', a.title, a.standfirst, t.tags, a.byline, a.body)))
  FROM articles a
  CROSS JOIN LATERAL (
    SELECT coalesce(string_agg(tg.name, ' ' ORDER BY tg.name), '') AS tags
    FROM article_tags at JOIN tags tg ON tg.id = at.tag_id
    WHERE at.article_id = a.id
  ) t
  WHERE ids IS NULL OR a.id = ANY (ids)
  ON CONFLICT (article_id) DO UPDATE SET tags = excluded.tags, words = excluded.words, cjk = excluded.cjk
$$
--> statement-breakpoint
CREATE FUNCTION moodwire_search_articles_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END
$$
--> statement-breakpoint
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moodwire_search_articles_inserted()
--> statement-breakpoint
CREATE FUNCTION moodwire_search_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END
$$
--> statement-breakpoint
-- Status and publication time are not indexed: changing them needs no index work. A deleted story's
-- document goes with it (ON DELETE CASCADE).
CREATE TRIGGER search_articles_au AFTER UPDATE OF title, standfirst, byline, body ON articles
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.standfirst IS DISTINCT FROM NEW.standfirst
    OR OLD.byline IS DISTINCT FROM NEW.byline OR OLD.body IS DISTINCT FROM NEW.body)
  EXECUTE FUNCTION moodwire_search_article_changed()
--> statement-breakpoint
CREATE FUNCTION moodwire_search_tags_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY(SELECT DISTINCT article_id FROM new_rows));
  RETURN NULL;
END
$$
--> statement-breakpoint
CREATE FUNCTION moodwire_search_tags_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY(SELECT DISTINCT article_id FROM old_rows));
  RETURN NULL;
END
$$
--> statement-breakpoint
CREATE FUNCTION moodwire_search_tags_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY(SELECT article_id FROM old_rows UNION SELECT article_id FROM new_rows));
  RETURN NULL;
END
$$
--> statement-breakpoint
CREATE TRIGGER search_article_tags_ai AFTER INSERT ON article_tags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moodwire_search_tags_added()
--> statement-breakpoint
-- Also fires for the rows removed by ON DELETE CASCADE from articles and tags.
CREATE TRIGGER search_article_tags_ad AFTER DELETE ON article_tags
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION moodwire_search_tags_removed()
--> statement-breakpoint
CREATE TRIGGER search_article_tags_au AFTER UPDATE ON article_tags
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moodwire_search_tags_moved()
--> statement-breakpoint
CREATE FUNCTION moodwire_search_tag_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moodwire_search_refresh(ARRAY(SELECT article_id FROM article_tags WHERE tag_id = NEW.id));
  RETURN NULL;
END
$$
--> statement-breakpoint
CREATE TRIGGER search_tags_au AFTER UPDATE OF name ON tags
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION moodwire_search_tag_renamed()
--> statement-breakpoint
-- Backfill the stories that exist already.
SELECT moodwire_search_refresh(NULL)
