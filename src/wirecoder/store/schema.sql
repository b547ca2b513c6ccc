-- wirecoder store schema (version 2). Plain SQL shared by the DuckDB backend and, later, PostgreSQL.
-- Version 2 added articles.language, the run counters skipped/stories_new/stories_joined, and the
-- story tables at the end; a version-1 store is upgraded in place when opened for writing.

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    wirecoder_version TEXT NOT NULL,
    model TEXT NOT NULL,
    coder TEXT NOT NULL,
    dictionaries TEXT NOT NULL,      -- JSON list of [path, sha256]
    inputs TEXT NOT NULL,            -- JSON list of the inputs as given
    articles INTEGER DEFAULT 0,
    events INTEGER DEFAULT 0,
    rejected INTEGER DEFAULT 0,      -- finished_at stays NULL for a run that was killed or failed
    skipped INTEGER DEFAULT 0,       -- inputs already stored with the same content, not coded again
    stories_new INTEGER DEFAULT 0,
    stories_joined INTEGER DEFAULT 0 -- articles that joined a story that was already there
);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    title TEXT,
    published DATE,
    byline TEXT,
    url TEXT,
    source TEXT,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    run_id TEXT NOT NULL,
    coded_at TIMESTAMP NOT NULL,
    language TEXT                    -- ISO 639-1, declared or detected; NULL when unknown
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    name TEXT,
    actor_id TEXT,
    role TEXT,
    country TEXT,
    note TEXT
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    source TEXT,
    source_name TEXT,
    target TEXT,
    target_name TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    date DATE NOT NULL,
    date_precision TEXT NOT NULL,
    date_end DATE NOT NULL,
    background BOOLEAN NOT NULL,
    place_name TEXT,
    place_country TEXT,
    plover TEXT,
    plover_mode TEXT,
    modality TEXT NOT NULL,
    attributed_to TEXT,
    evidence TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    coder TEXT NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS attributions (
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    cue TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS facts (
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    subject TEXT NOT NULL,
    value DOUBLE NOT NULL,
    unit TEXT NOT NULL,
    period TEXT,
    change_percent DOUBLE,
    according_to TEXT
);

-- Direct quotes and their speakers. Added within version 1: the DDL runs (IF NOT EXISTS) on every
-- writable open, so an older store gains the table and fills it as its articles are coded again.
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    span_start INTEGER NOT NULL,     -- the quoted words, without the marks
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    partial BOOLEAN NOT NULL,        -- a fragment inside the writer's sentence (said that "...")
    speaker_text TEXT,               -- the words naming the speaker ("Chinese Premier Li Qiang")
    speaker_code TEXT,               -- CAMEO actor code as of the article date
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    method TEXT NOT NULL             -- how the speaker was found: said-clause, colon, pronoun, ...
);

CREATE TABLE IF NOT EXISTS rejections (
    origin TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    doc_id TEXT,
    run_id TEXT NOT NULL,
    rejected_at TIMESTAMP NOT NULL,
    PRIMARY KEY (origin, stage, reason)
);

-- Stories: near-duplicate articles grouped together (wirecoder.stories). Every stored article has
-- one row in story_articles; a story's id never changes once given.
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,            -- the run that started it
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    outlet TEXT NOT NULL,            -- source, else the URL's host, else the origin
    published DATE,
    matched_article TEXT,            -- the earlier article it resembled most (NULL: it started the story)
    similarity DOUBLE,               -- estimated Jaccard similarity with that article
    signature TEXT NOT NULL          -- MinHash signature: base64 of big-endian 32-bit values
);

-- The same event (source, target, CAMEO base code, date) told by several articles of a story, once.
CREATE TABLE IF NOT EXISTS merged_events (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    event_id TEXT NOT NULL,          -- the representative per-article event (its evidence sentence)
    family TEXT NOT NULL,            -- CAMEO base code; 040 stands for the meetings 040/042/043/044
    date DATE NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,    -- distinct outlets
    num_mentions INTEGER NOT NULL    -- per-article events merged into it
);

CREATE TABLE IF NOT EXISTS merged_event_members (
    event_id TEXT PRIMARY KEY,       -- a per-article event (the evidence)
    merged_id TEXT NOT NULL,
    article_id TEXT NOT NULL
);
