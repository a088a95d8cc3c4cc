-- The language a person chose, restored when they log in (the centre's tablet is shared).
ALTER TABLE users ADD COLUMN locale TEXT;
