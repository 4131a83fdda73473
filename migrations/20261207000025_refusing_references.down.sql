ALTER TABLE users
    DROP CONSTRAINT users_person_fkey,
    ADD CONSTRAINT users_person_fkey
        FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE person_skills
    DROP CONSTRAINT person_skills_skill_tag_id_fkey,
    ADD CONSTRAINT person_skills_skill_tag_id_fkey
        FOREIGN KEY (skill_tag_id) REFERENCES skill_tags (id) ON DELETE CASCADE;
