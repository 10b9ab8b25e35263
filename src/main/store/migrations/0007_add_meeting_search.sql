-- Full-text search over meeting records (issue 4 §8) and the indexes opening, saving and listing
-- records need once there are years of them.
--
-- Chinese has no spaces between words, so the trigram tokenizer indexes every 3-character
-- substring: MATCH finds any text of 3 or more characters, and LIKE over the same content serves
-- 1–2 character words (党费, 发展). FTS5 tables cannot be STRICT; this one only mirrors text that
-- lives in the STRICT tables below, and triggers keep it in step in the same transaction as every
-- write, whoever writes (the repo deletes and re-inserts a record's parts on each save).
--
-- One entry per searchable text (the topic, each agenda item, each speech, ...), not one per
-- record: a write touches only its own entries, and a hit says where it was found (议题：…).
-- rowid = source row id * 8 + field code, so a trigger finds its entry without scanning:
--   0 topic, 1 lectureTitle, 2 location, 3 summary (meetings), 4 agenda, 5 speech, 6 decision, 7 vote.
-- Which records are shown (deleted ones, filters) is decided by the list query that joins
-- meeting_id with meetings, never here.
CREATE VIRTUAL TABLE meeting_search USING fts5 (body, meeting_id UNINDEXED, field UNINDEXED, tokenize = 'trigram');

-- The record's own fields.
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + code, body, new.id, field
  FROM (SELECT 0 AS code, new.topic AS body, 'topic' AS field
        UNION ALL SELECT 1, new.lecture_title, 'lectureTitle'
        UNION ALL SELECT 2, new.location, 'location'
        UNION ALL SELECT 3, new.summary, 'summary')
  WHERE body IS NOT NULL AND body <> '';
END;

-- Every save bumps the version; only a change of the searchable text rewrites the entries.
CREATE TRIGGER meetings_search_update AFTER UPDATE OF topic, lecture_title, location, summary ON meetings
WHEN old.topic IS NOT new.topic OR old.lecture_title IS NOT new.lecture_title
  OR old.location IS NOT new.location OR old.summary IS NOT new.summary BEGIN
  DELETE FROM meeting_search WHERE rowid IN (old.id * 8, old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 3);
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + code, body, new.id, field
  FROM (SELECT 0 AS code, new.topic AS body, 'topic' AS field
        UNION ALL SELECT 1, new.lecture_title, 'lectureTitle'
        UNION ALL SELECT 2, new.location, 'location'
        UNION ALL SELECT 3, new.summary, 'summary')
  WHERE body IS NOT NULL AND body <> '';
END;

-- The parts' own delete triggers run on the cascade (SQLite fires triggers for foreign key actions).
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
  DELETE FROM meeting_search WHERE rowid IN (old.id * 8, old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 3);
END;

-- 议题
CREATE TRIGGER meeting_agenda_search_insert AFTER INSERT ON meeting_agenda_items BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 4, new.title, new.meeting_id, 'agenda');
END;
CREATE TRIGGER meeting_agenda_search_update AFTER UPDATE OF title, meeting_id ON meeting_agenda_items BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 4;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 4, new.title, new.meeting_id, 'agenda');
END;
CREATE TRIGGER meeting_agenda_search_delete AFTER DELETE ON meeting_agenda_items BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 4;
END;

-- 发言: the speaker's name is searchable with what was said (“王丽萍：介绍…”).
CREATE TRIGGER meeting_speeches_search_insert AFTER INSERT ON meeting_speeches BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + 5, new.speaker_name || '：' || new.summary, meeting_id, 'speech' FROM meeting_agenda_items WHERE id = new.agenda_item_id;
END;
CREATE TRIGGER meeting_speeches_search_update AFTER UPDATE OF speaker_name, summary, agenda_item_id ON meeting_speeches BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 5;
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + 5, new.speaker_name || '：' || new.summary, meeting_id, 'speech' FROM meeting_agenda_items WHERE id = new.agenda_item_id;
END;
CREATE TRIGGER meeting_speeches_search_delete AFTER DELETE ON meeting_speeches BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 5;
END;

-- 决议/议定事项 (closing a follow-up does not touch the text, so it does not reindex)
CREATE TRIGGER meeting_decisions_search_insert AFTER INSERT ON meeting_decisions BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 6, new.text, new.meeting_id, 'decision');
END;
CREATE TRIGGER meeting_decisions_search_update AFTER UPDATE OF text, meeting_id ON meeting_decisions BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 6;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 6, new.text, new.meeting_id, 'decision');
END;
CREATE TRIGGER meeting_decisions_search_delete AFTER DELETE ON meeting_decisions BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 6;
END;

-- 表决事项
CREATE TRIGGER meeting_votes_search_insert AFTER INSERT ON meeting_votes BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 7, new.subject, new.meeting_id, 'vote');
END;
CREATE TRIGGER meeting_votes_search_update AFTER UPDATE OF subject, meeting_id ON meeting_votes BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 7;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 7, new.subject, new.meeting_id, 'vote');
END;
CREATE TRIGGER meeting_votes_search_delete AFTER DELETE ON meeting_votes BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 7;
END;

-- Records written before this version.
INSERT INTO meeting_search (rowid, body, meeting_id, field)
SELECT id * 8 + code, body, id, field
FROM (SELECT id, 0 AS code, topic AS body, 'topic' AS field FROM meetings
      UNION ALL SELECT id, 1, lecture_title, 'lectureTitle' FROM meetings
      UNION ALL SELECT id, 2, location, 'location' FROM meetings
      UNION ALL SELECT id, 3, summary, 'summary' FROM meetings)
WHERE body IS NOT NULL AND body <> '';
INSERT INTO meeting_search (rowid, body, meeting_id, field) SELECT id * 8 + 4, title, meeting_id, 'agenda' FROM meeting_agenda_items;
INSERT INTO meeting_search (rowid, body, meeting_id, field)
SELECT s.id * 8 + 5, s.speaker_name || '：' || s.summary, a.meeting_id, 'speech' FROM meeting_speeches s JOIN meeting_agenda_items a ON a.id = s.agenda_item_id;
INSERT INTO meeting_search (rowid, body, meeting_id, field) SELECT id * 8 + 6, text, meeting_id, 'decision' FROM meeting_decisions;
INSERT INTO meeting_search (rowid, body, meeting_id, field) SELECT id * 8 + 7, subject, meeting_id, 'vote' FROM meeting_votes;

-- Reading a record's parts (and the cascade when one is deleted) looked these rows up by a column
-- without an index, scanning the whole table once per record or agenda item. IF NOT EXISTS: another
-- change of the same version line may add the same index under the same name.
CREATE INDEX IF NOT EXISTS meeting_speeches_agenda_item ON meeting_speeches (agenda_item_id, position);
CREATE INDEX IF NOT EXISTS meeting_decisions_meeting ON meeting_decisions (meeting_id, position);
CREATE INDEX IF NOT EXISTS meeting_decisions_closed_meeting ON meeting_decisions (closed_meeting_id);
CREATE INDEX IF NOT EXISTS meeting_votes_meeting ON meeting_votes (meeting_id, position);
CREATE INDEX IF NOT EXISTS meeting_guests_meeting ON meeting_guests (meeting_id, position);
