-- A delete that checks "nothing refers to this row" with NOT EXISTS cannot see a reference
-- written by a transaction that has not committed yet; only the foreign key then stands
-- between them. Two such keys cascaded instead of refusing, so a skill given to someone
-- while it was deleted vanished from their profile, and an account linked to a person
-- while the person was deleted lost its link. Nothing deletes a held skill or a linked
-- person on purpose (the API refuses both), so these keys now refuse too, as the
-- people -> roles key does: the delete fails, and the API answers that the row is in use.
ALTER TABLE person_skills
    DROP CONSTRAINT person_skills_skill_tag_id_fkey,
    ADD CONSTRAINT person_skills_skill_tag_id_fkey
        FOREIGN KEY (skill_tag_id) REFERENCES skill_tags (id) ON DELETE RESTRICT;
ALTER TABLE users
    DROP CONSTRAINT users_person_fkey,
    ADD CONSTRAINT users_person_fkey
        FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT;
