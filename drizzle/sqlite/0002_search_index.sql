-- Full-text search over every story; see docs/decisions/007-search-tokenizer.md.
-- Hand-written because drizzle cannot model FTS5 tables or triggers. Every story is indexed whatever
-- its status: visibility is checked when searching, so a scheduled story becomes findable at its time
-- and a draft never shows. The triggers below keep the index in the same transaction as each write.
--
-- search_words: the word index (Porter stemming, accents folded) and the copy of the text that
-- snippets are cut from. Short fields come first, so reading them never touches the body's pages.
CREATE VIRTUAL TABLE search_words USING fts5(
  title, standfirst, tags, byline, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
)
--> statement-breakpoint
-- search_cjk: a trigram index for scripts written without spaces (Chinese, Japanese, Korean, Thai).
-- Contentless and position-free (detail = none) to stay small: a longer term is checked against
-- search_words' text, and a 1–2 character term is expanded to the trigrams that start with it through
-- search_cjk_terms. Each field gets two trailing spaces so that even a term at the very end of a field
-- starts a trigram.
CREATE VIRTUAL TABLE search_cjk USING fts5(
  title, standfirst, tags, byline, body,
  tokenize = 'trigram', content = '', contentless_delete = 1, detail = none
)
--> statement-breakpoint
CREATE VIRTUAL TABLE search_cjk_terms USING fts5vocab(search_cjk, 'row')
--> statement-breakpoint
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id = NEW.id;
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id = NEW.id;
END
--> statement-breakpoint
-- Status and publication time are not indexed: changing them needs no index work.
CREATE TRIGGER search_articles_au AFTER UPDATE OF id, title, standfirst, byline, body ON articles BEGIN
  DELETE FROM search_words WHERE rowid = OLD.id;
  DELETE FROM search_cjk WHERE rowid = OLD.id;
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id = NEW.id;
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
  DELETE FROM search_words WHERE rowid = OLD.id;
  DELETE FROM search_cjk WHERE rowid = OLD.id;
END
--> statement-breakpoint
CREATE TRIGGER search_article_tags_ai AFTER INSERT ON article_tags BEGIN
  DELETE FROM search_words WHERE rowid = NEW.article_id;
  DELETE FROM search_cjk WHERE rowid = NEW.article_id;
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id = NEW.article_id;
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id = NEW.article_id;
END
--> statement-breakpoint
CREATE TRIGGER search_article_tags_au AFTER UPDATE ON article_tags BEGIN
  DELETE FROM search_words WHERE rowid IN (OLD.article_id, NEW.article_id);
  DELETE FROM search_cjk WHERE rowid IN (OLD.article_id, NEW.article_id);
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id IN (OLD.article_id, NEW.article_id);
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id IN (OLD.article_id, NEW.article_id);
END
--> statement-breakpoint
-- Also fires for the rows removed by ON DELETE CASCADE from articles and tags.
CREATE TRIGGER search_article_tags_ad AFTER DELETE ON article_tags BEGIN
  DELETE FROM search_words WHERE rowid = OLD.article_id;
  DELETE FROM search_cjk WHERE rowid = OLD.article_id;
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id = OLD.article_id;
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id = OLD.article_id;
END
--> statement-breakpoint
CREATE TRIGGER search_tags_au AFTER UPDATE OF name ON tags BEGIN
  DELETE FROM search_words WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  DELETE FROM search_cjk WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a WHERE a.id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
    SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
    FROM articles a WHERE a.id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
END
--> statement-breakpoint
-- Backfill the stories that exist already.
INSERT INTO search_words(rowid, title, standfirst, tags, byline, body)
  SELECT a.id, a.title, a.standfirst, coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), a.byline, a.body FROM articles a
--> statement-breakpoint
INSERT INTO search_cjk(rowid, title, standfirst, tags, byline, body)
  SELECT a.id, a.title || '  ', a.standfirst || '  ', coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '') || '  ', a.byline || '  ', a.body || '  '
  FROM articles a
