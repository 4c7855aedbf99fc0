-- Annotation Kit workflow store, schema version 2 (docs/store-jdbc.md): room on each page for the
-- next versions of the rows that every next and submit updates (a task's counts, a lease closing,
-- an annotator's counts), so that most updates stay on their page as heap-only tuples: no new
-- index entries, and a queue index that does not fill with entries of dead row versions. Vacuum
-- comes sooner on these tables than the server's default (20% of the rows dead) would bring it.
-- Applies to pages filled from now on; nothing is rewritten.
ALTER TABLE ${schema}.task SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE ${schema}.lease SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05);
ALTER TABLE ${schema}.annotator SET (fillfactor = 50);

-- A conflict found inside a statement: the store's statements that check an event and apply it in
-- one round trip (and may commit in the same one) raise it, and the store runs the decision again
-- on a fresh view, as after a serialization failure.
CREATE FUNCTION ${schema}.conflict(message text) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'AKC01';
END
$$;
