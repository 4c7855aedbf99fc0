-- Annotation Kit workflow store, schema version 3 (docs/store-jdbc.md): less work in the statements
-- that every next and submit runs, with the same rows.
-- * No CHECK constraints on task, lease and annotator. PostgreSQL reads a table's CHECK constraints
--   from their stored text and prepares them again in every statement that writes the table, cached
--   plan or not (seven on a task, four on an annotator, one on a lease): about a tenth of the
--   server's time per pair. The store's statements check the same conditions before they write (a
--   grant needs an available task, a submission an open lease, a decrement a count above zero) and
--   raise a conflict when one does not hold.
-- * No foreign keys from lease and submission to task: each is a query of its own per row inserted,
--   and the store inserts a lease or a submission only in the statement that updates its task's row
--   (no task row, no insert). Tasks are never deleted.
-- * No unique index on submission.seq (values of a sequence): one index fewer per submission; the
--   submissions in order are read by sorting.
-- NOT NULL, primary keys and the other indexes stay.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT conrelid::regclass AS tab, conname FROM pg_constraint
    WHERE (contype IN ('c', 'f') AND conrelid IN ('${schema}.task'::regclass,
            '${schema}.lease'::regclass, '${schema}.annotator'::regclass,
            '${schema}.submission'::regclass))
       OR (contype = 'u' AND conrelid = '${schema}.submission'::regclass)
    ORDER BY conrelid, conname
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tab, c.conname);
  END LOOP;
END
$$;
