//! The HTTP surface against the real PostgreSQL and Redis, one test binary in modules:
//! health, jobs, serving, the real process, web security and the OpenAPI document.

mod accounts;
mod aggregate_cache;
mod aggregates;
mod backups;
mod candidates;
mod deliverables;
mod export_round_trip;
mod exports;
mod grid_pages;
mod health;
mod imports;
mod job_control;
mod jobs;
mod mail;
mod metrics;
mod normalize;
mod openapi;
mod people;
mod permissions;
mod planning;
mod planning_permissions;
mod process;
mod project_imports;
mod projects;
mod proxy;
mod reallocations;
mod reference;
mod role_races;
mod security;
mod serving;
mod skills;
mod support;
mod tokens;
mod utilization;
mod week_loads;
