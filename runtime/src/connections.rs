//! Connections to PostgreSQL and Redis built from [`Settings`]. Both connect lazily, so a
//! process starts (and its health check can say what is down) while a dependency is away.

use std::str::FromStr;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection};
use tokio::sync::OnceCell;

use crate::Settings;

/// Statements at least this slow are logged at WARN, as the production guide promises.
const SLOW_STATEMENT: Duration = Duration::from_secs(5);

/// Redis answers within this, or the call fails. Much longer than the client's 500 ms
/// default, which turns one stall into a broken worker pipeline (apalis-redis #76).
const REDIS_RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);
const REDIS_CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// Why a connection could not be configured.
#[derive(Debug, thiserror::Error)]
pub enum ConnectionError {
    #[error("DATABASE_URL is not a valid PostgreSQL URL")]
    DatabaseUrl(#[source] sqlx::Error),
    #[error("REDIS_URL is not a valid Redis URL")]
    RedisUrl,
    #[error(
        "REDIS_SSL_CA_CERTS is set, but Redis is not reached over TLS (use rediss:// or REDIS_TLS=true)"
    )]
    RedisCaWithoutTls,
    #[error("REDIS_SSL_CA_CERTS: cannot read {0}")]
    RedisCaFile(std::path::PathBuf, #[source] std::io::Error),
    #[error("REDIS_SSL_CA_CERTS: {0} does not hold a PEM certificate")]
    RedisCaInvalid(std::path::PathBuf, #[source] redis::RedisError),
    #[error("Redis is unreachable: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("Redis did not answer within {0:?}")]
    RedisTimeout(Duration),
}

/// PostgreSQL options: `DATABASE_URL` or the `POSTGRES_*` parts, TLS from `DB_SSLMODE`
/// and `DB_SSLROOTCERT`, and slow-statement logging.
pub fn database_options(settings: &Settings) -> Result<PgConnectOptions, ConnectionError> {
    let mut options = match &settings.database_url {
        Some(url) => PgConnectOptions::from_str(url).map_err(ConnectionError::DatabaseUrl)?,
        None => {
            let options = PgConnectOptions::new()
                .host(&settings.postgres_host)
                .port(settings.postgres_port)
                .database(&settings.postgres_db)
                .username(&settings.postgres_user);
            match &settings.postgres_password {
                Some(password) => options.password(password),
                None => options,
            }
        }
    };
    if let Some(mode) = settings.db_sslmode {
        options = options.ssl_mode(mode);
    }
    if let Some(cert) = &settings.db_sslrootcert {
        options = options.ssl_root_cert(cert);
    }
    Ok(options
        .application_name("workload-tracker")
        .log_statements(log::LevelFilter::Trace)
        .log_slow_statements(log::LevelFilter::Warn, SLOW_STATEMENT))
}

/// A pooled connection idle at least this long is pinged before it is handed out.
const PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// Pool options that ping a connection only when it has sat idle: by default sqlx pings
/// on every acquire, a round trip to PostgreSQL per query that under load (connections
/// back in use within milliseconds) cost as much as a cached answer's whole lookup. A
/// connection that went quiet, where a restart or a dropped link would go unnoticed, is
/// still checked, and one that fails is replaced rather than handed out.
fn pinged_when_idle() -> PgPoolOptions {
    PgPoolOptions::new()
        .test_before_acquire(false)
        .before_acquire(|connection, meta| {
            Box::pin(async move {
                if meta.idle_for >= PING_AFTER_IDLE {
                    connection.ping().await?;
                }
                Ok(true)
            })
        })
}

/// A pool that connects on first use, sized by `DB_MAX_CONNECTIONS`.
pub fn database_pool(settings: &Settings) -> Result<PgPool, ConnectionError> {
    let options = database_options(settings)?;
    Ok(pinged_when_idle()
        .max_connections(settings.db_max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy_with(options))
}

/// Sessions for the aggregate queries (dashboard, heatmap, forecast, ...): a pool beside
/// `pool`, to the same database, whose sessions plan every statement for the values it
/// is given. A cached generic plan cannot fold the counted statuses into the query and
/// tests them on each of tens of thousands of week rows (2.5 times the CPU at 5,000
/// people), while planning these few statements costs a millisecond or two. As its own
/// pool, a quarter of the size of `pool`, it also bounds how many aggregates compute at
/// once, so a burst of them leaves connections to the requests that write; an aggregate
/// waits its turn (up to 30 s) rather than failing.
pub fn aggregate_pool(pool: &PgPool) -> PgPool {
    let options = (*pool.connect_options())
        .clone()
        .options([("plan_cache_mode", "force_custom_plan")]);
    pinged_when_idle()
        .max_connections((pool.options().get_max_connections() / 4).max(2))
        .acquire_timeout(Duration::from_secs(30))
        .connect_lazy_with(options)
}

/// The Redis URL with `REDIS_PASSWORD`, `REDIS_TLS` and `REDIS_SSL_CERT_REQS` applied.
pub fn redis_url(settings: &Settings) -> Result<String, ConnectionError> {
    let mut url = url::Url::parse(&settings.redis_url).map_err(|_| ConnectionError::RedisUrl)?;
    if !matches!(url.scheme(), "redis" | "rediss") {
        return Err(ConnectionError::RedisUrl);
    }
    if settings.redis_tls && url.scheme() == "redis" {
        url.set_scheme("rediss")
            .map_err(|()| ConnectionError::RedisUrl)?;
    }
    if let Some(password) = &settings.redis_password
        && url.password().is_none()
    {
        url.set_password(Some(password))
            .map_err(|()| ConnectionError::RedisUrl)?;
    }
    if url.scheme() == "rediss" && settings.redis_ssl_cert_reqs == "none" {
        // redis-rs reads this fragment as "accept any certificate" (self-signed staging).
        url.set_fragment(Some("insecure"));
    }
    Ok(url.into())
}

/// A Redis connection made on first use and shared afterwards. The connection manager
/// reconnects by itself after Redis restarts.
#[derive(Clone)]
pub struct RedisConnector {
    client: redis::Client,
    manager: std::sync::Arc<OnceCell<ConnectionManager>>,
}

impl RedisConnector {
    pub fn new(settings: &Settings) -> Result<Self, ConnectionError> {
        let url = redis_url(settings)?;
        let Some(ca_path) = &settings.redis_ssl_ca_certs else {
            return Self::from_url(&url);
        };
        if !url.starts_with("rediss:") {
            return Err(ConnectionError::RedisCaWithoutTls);
        }
        let address = redis::IntoConnectionInfo::into_connection_info(url.as_str())
            .map_err(|_| ConnectionError::RedisUrl)?;
        let root_cert = std::fs::read(ca_path)
            .map_err(|error| ConnectionError::RedisCaFile(ca_path.clone(), error))?;
        // The CA replaces the built-in roots: a private CA signs the server certificate.
        let certificates = redis::TlsCertificates {
            client_tls: None,
            root_cert: Some(root_cert),
        };
        let client = redis::Client::build_with_tls(address, certificates)
            .map_err(|error| ConnectionError::RedisCaInvalid(ca_path.clone(), error))?;
        Ok(Self::with_client(client))
    }

    /// A connector for a complete Redis URL (tests; processes use [`Self::new`]).
    pub fn from_url(url: &str) -> Result<Self, ConnectionError> {
        let client = redis::Client::open(url).map_err(|_| ConnectionError::RedisUrl)?;
        Ok(Self::with_client(client))
    }

    fn with_client(client: redis::Client) -> Self {
        Self {
            client,
            manager: Default::default(),
        }
    }

    /// A new connection for subscribing to channels (a subscribed connection can do
    /// nothing else, so it is never the shared one).
    pub async fn pubsub(&self) -> Result<redis::aio::PubSub, ConnectionError> {
        let connect = self.client.get_async_pubsub();
        match tokio::time::timeout(REDIS_CONNECT_TIMEOUT * 2, connect).await {
            Ok(result) => result.map_err(ConnectionError::from),
            Err(_) => Err(ConnectionError::RedisTimeout(REDIS_CONNECT_TIMEOUT * 2)),
        }
    }

    /// A clone of the shared connection, connecting first if needed.
    pub async fn connection(&self) -> Result<ConnectionManager, ConnectionError> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(REDIS_CONNECT_TIMEOUT))
            .set_response_timeout(Some(REDIS_RESPONSE_TIMEOUT))
            .set_number_of_retries(2);
        let manager = self
            .manager
            .get_or_try_init(|| async {
                let connect = self.client.get_connection_manager_with_config(config);
                match tokio::time::timeout(REDIS_CONNECT_TIMEOUT * 2, connect).await {
                    Ok(result) => result.map_err(ConnectionError::from),
                    Err(_) => Err(ConnectionError::RedisTimeout(REDIS_CONNECT_TIMEOUT * 2)),
                }
            })
            .await?;
        Ok(manager.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection that died while idle in the pool is found by the ping and replaced,
    /// so the next query still succeeds (on a new session).
    #[tokio::test]
    async fn a_connection_that_died_while_idle_is_replaced() {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL for the tests");
        let pool = pinged_when_idle()
            .max_connections(1)
            .connect(&url)
            .await
            .unwrap();
        let backend = || sqlx::query_scalar::<_, i32>("SELECT pg_backend_pid()").fetch_one(&pool);
        let first = backend().await.unwrap();
        let mut other = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("SELECT pg_terminate_backend($1)")
            .bind(first)
            .execute(&mut other)
            .await
            .unwrap();
        tokio::time::sleep(PING_AFTER_IDLE + Duration::from_millis(100)).await;
        let second = backend().await.expect("a live connection after the ping");
        assert_ne!(first, second);
    }
}
