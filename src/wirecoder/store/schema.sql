-- wirecoder store schema (version 1). Plain SQL shared by the DuckDB backend and, later, PostgreSQL.

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
    rejected INTEGER DEFAULT 0
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
    coded_at TIMESTAMP NOT NULL
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
