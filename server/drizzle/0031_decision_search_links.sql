-- Decisions found by the global search opened /decisions/:id, which no page serves: the web
-- shows a decision at /notes/decisions/:id (indexDecision now writes that link).
UPDATE search_index SET url = '/notes/decisions/' || record_id
  WHERE kind = 'decision' AND url = '/decisions/' || record_id;
