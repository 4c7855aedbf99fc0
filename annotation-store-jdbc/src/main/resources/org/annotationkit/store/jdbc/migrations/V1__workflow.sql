-- Annotation Kit workflow store, schema version 1 (docs/store-jdbc.md).
-- ${schema} is replaced by the store's quoted PostgreSQL schema name. Instants are nanoseconds
-- since the epoch (bigint: exact, and ordered as Instant is); ids compare in code point order
-- (COLLATE "C"), as Java's strings do outside the supplementary planes.

-- The project: one row.
CREATE TABLE ${schema}.project (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  id          text COLLATE "C" NOT NULL,
  json        text NOT NULL
);

-- Tasks, with the counts the queue needs. A gold task has a known answer and no overlap limit.
CREATE TABLE ${schema}.task (
  id           text COLLATE "C" PRIMARY KEY,
  seq          bigint NOT NULL UNIQUE,
  gold         boolean NOT NULL,
  overlap      integer NOT NULL CHECK (overlap >= 1),
  priority     double precision NOT NULL,
  skills       text[] NOT NULL,
  task_json    text NOT NULL,
  gold_answer  text,
  counted      integer NOT NULL DEFAULT 0 CHECK (counted >= 0),
  pending      integer NOT NULL DEFAULT 0 CHECK (pending >= 0),
  open_leases  integer NOT NULL DEFAULT 0 CHECK (open_leases >= 0),
  completed_ns bigint,
  available    boolean GENERATED ALWAYS AS (
                 completed_ns IS NULL AND (gold OR counted + pending + open_leases < overlap)
               ) STORED,
  CHECK (gold = (gold_answer IS NOT NULL)),
  CHECK (gold OR counted + pending + open_leases <= overlap),
  CHECK (NOT gold OR completed_ns IS NULL)
);
CREATE SEQUENCE ${schema}.task_seq AS bigint;
-- The queue: available tasks by priority, then in the order added.
CREATE INDEX task_queue ON ${schema}.task (gold, priority DESC, seq) WHERE available;

-- Every lease ever granted: the pair is its identity (an annotator never gets a task twice), so
-- this table also answers "had this annotator this task". Open until submitted, skipped,
-- released or expired.
CREATE TABLE ${schema}.lease (
  task_id       text COLLATE "C" NOT NULL REFERENCES ${schema}.task (id),
  annotator_id  text COLLATE "C" NOT NULL,
  granted_ns    bigint NOT NULL,
  expires_ns    bigint NOT NULL CHECK (expires_ns > granted_ns),
  open          boolean NOT NULL,
  PRIMARY KEY (task_id, annotator_id)
);
CREATE INDEX lease_expiry ON ${schema}.lease (expires_ns, task_id, annotator_id) WHERE open;

-- Annotators as last seen, with their counts and the gold policy's flag.
CREATE TABLE ${schema}.annotator (
  id               text COLLATE "C" PRIMARY KEY,
  json             text NOT NULL,
  assignments      integer NOT NULL CHECK (assignments >= 0),
  gold_assignments integer NOT NULL CHECK (gold_assignments >= 0),
  gold_answered    integer NOT NULL DEFAULT 0 CHECK (gold_answered >= 0),
  gold_correct     integer NOT NULL DEFAULT 0 CHECK (gold_correct >= 0),
  flag_json        text
);

-- Submissions in the order stored, each with its review once it has one.
CREATE TABLE ${schema}.submission (
  annotation_id  text COLLATE "C" PRIMARY KEY,
  seq            bigint NOT NULL UNIQUE,
  task_id        text COLLATE "C" NOT NULL REFERENCES ${schema}.task (id),
  json           text NOT NULL
);
CREATE SEQUENCE ${schema}.submission_seq AS bigint;
CREATE INDEX submission_of_task ON ${schema}.submission (task_id, seq);

-- Annotation ids in use, by submissions and by reviewers' corrections.
CREATE TABLE ${schema}.taken_id (
  annotation_id  text COLLATE "C" PRIMARY KEY
);
