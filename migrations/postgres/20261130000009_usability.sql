-- Attendance is only for sessions that have started: marks given before a session took place
-- (possible before this check existed) are not true, and would count in journeys and
-- attestations.
DELETE FROM attendance WHERE session_id IN
  (SELECT id FROM workshop_sessions WHERE starts_at > CAST(EXTRACT(EPOCH FROM now()) AS BIGINT));

-- The contributions waiting for a social worker, counted on their home page.
CREATE INDEX contributions_pending ON contributions (project_id) WHERE status = 'pending';
