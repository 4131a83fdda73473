//! PostgreSQL and Redis over TLS, for real: each test makes a throwaway certificate
//! authority with openssl, starts its own server with TLS on a free loopback port, and
//! connects through the same settings and connection code the binaries use
//! (`DB_SSLMODE`, `DB_SSLROOTCERT`, `rediss://`, `REDIS_TLS`, `REDIS_SSL_CERT_REQS`,
//! `REDIS_SSL_CA_CERTS`). A missing binary skips a test with a loud message; servers are
//! stopped when their guard drops, pass or fail.

mod pki;
mod postgres;
mod redis_tls;
mod support;
