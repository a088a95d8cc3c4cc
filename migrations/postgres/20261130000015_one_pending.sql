-- At most one erasure request waiting per person, and one current answer per topic of
-- consent, even when two requests arrive at once.
CREATE UNIQUE INDEX erasure_requests_pending ON erasure_requests (user_id) WHERE outcome IS NULL;
CREATE UNIQUE INDEX consents_current ON consents (user_id, topic) WHERE current = 1;
