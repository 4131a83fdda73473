//! The cache against a real Redis (REDIS_URL, default 127.0.0.1:6379) and in-process:
//! hits, invalidation, TTL 0 and expiry, one computation under a crowd (in one process
//! and across two, and with TTL 0 per version), and correct answers with Redis gone.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::{AggregateCache, CacheTtls};
use crate::RedisConnector;

fn redis() -> RedisConnector {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into());
    RedisConnector::from_url(&url).expect("redis url")
}

fn namespace() -> String {
    format!("cache-test-{:016x}", rand::random::<u64>())
}

fn shared(namespace: &str, ttl: u64) -> AggregateCache {
    AggregateCache::new(Some(redis()), namespace, CacheTtls::new(Some(ttl), None))
}

fn local(ttl: u64) -> AggregateCache {
    AggregateCache::new(None, "unused", CacheTtls::new(Some(ttl), None))
}

/// Reads `key` through `cache`, counting computations; each computation takes a while
/// so that concurrent readers overlap it, and answers with the count so far.
async fn read(cache: &AggregateCache, key: &str, computations: &AtomicUsize) -> String {
    let cached = cache
        .get_or_compute("heatmap", key, || async {
            let n = computations.fetch_add(1, Ordering::SeqCst) + 1;
            tokio::time::sleep(Duration::from_millis(60)).await;
            Ok::<_, std::convert::Infallible>(format!("{{\"n\":{n}}}").into_bytes())
        })
        .await
        .expect("computed");
    String::from_utf8(cached.body.to_vec()).unwrap()
}

#[tokio::test]
async fn a_second_read_is_a_hit_and_an_invalidation_recomputes() {
    for cache in [local(30), shared(&namespace(), 30)] {
        let computations = AtomicUsize::new(0);
        assert_eq!(read(&cache, "k", &computations).await, r#"{"n":1}"#);
        assert_eq!(read(&cache, "k", &computations).await, r#"{"n":1}"#);
        cache.invalidate().await;
        assert_eq!(read(&cache, "k", &computations).await, r#"{"n":2}"#);
        assert_eq!(computations.load(Ordering::SeqCst), 2);
    }
}

#[tokio::test]
async fn a_ttl_of_zero_computes_every_time_and_entries_expire() {
    for off in [local(0), shared(&namespace(), 0)] {
        let computations = AtomicUsize::new(0);
        read(&off, "k", &computations).await;
        read(&off, "k", &computations).await;
        assert_eq!(computations.load(Ordering::SeqCst), 2);
    }

    let computations = AtomicUsize::new(0);
    let short = shared(&namespace(), 1);
    read(&short, "k", &computations).await;
    read(&short, "k", &computations).await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    read(&short, "k", &computations).await;
    assert_eq!(computations.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_crowd_of_readers_computes_once_per_process_and_across_processes() {
    for cache in [local(30), shared(&namespace(), 30)] {
        let computations = AtomicUsize::new(0);
        let crowd = (0..40).map(|_| read(&cache, "crowded", &computations));
        let answers = futures::future::join_all(crowd).await;
        assert!(answers.iter().all(|a| a == r#"{"n":1}"#));
        assert_eq!(computations.load(Ordering::SeqCst), 1);
    }

    // Two caches on one Redis stand for two api processes.
    let ns = namespace();
    let (first, second) = (shared(&ns, 30), shared(&ns, 30));
    let computations = AtomicUsize::new(0);
    let crowd = (0..40).map(|i| {
        read(
            if i % 2 == 0 { &first } else { &second },
            "k",
            &computations,
        )
    });
    futures::future::join_all(crowd).await;
    assert_eq!(computations.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn with_a_ttl_of_zero_readers_of_one_shared_version_asking_at_once_share_a_computation() {
    let off = shared(&namespace(), 0);
    let computations = AtomicUsize::new(0);
    let crowd = (0..40).map(|_| read(&off, "crowded", &computations));
    futures::future::join_all(crowd).await;
    assert_eq!(computations.load(Ordering::SeqCst), 1);
    // After an edit, the next reader computes anew.
    off.invalidate().await;
    read(&off, "crowded", &computations).await;
    assert_eq!(computations.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn processes_share_entries_and_one_invalidation_reaches_all() {
    let ns = namespace();
    let (writer, reader) = (shared(&ns, 30), shared(&ns, 30));
    let computations = AtomicUsize::new(0);
    read(&writer, "k", &computations).await;
    assert_eq!(read(&reader, "k", &computations).await, r#"{"n":1}"#);
    writer.invalidate().await;
    assert_eq!(read(&reader, "k", &computations).await, r#"{"n":2}"#);
}

#[tokio::test]
async fn refresh_stores_an_answer_the_next_reader_finds_ready() {
    let ns = namespace();
    let (warmer, reader) = (shared(&ns, 30), shared(&ns, 30));
    let warmed = warmer
        .refresh("dashboard", "k", || async {
            Ok::<_, std::convert::Infallible>(b"{\"warm\":1}".to_vec())
        })
        .await
        .unwrap();
    let computations = AtomicUsize::new(0);
    let cached = reader
        .get_or_compute("dashboard", "k", || async {
            computations.fetch_add(1, Ordering::SeqCst);
            Ok::<_, std::convert::Infallible>(b"{}".to_vec())
        })
        .await
        .unwrap();
    assert_eq!(cached, warmed);
    assert_eq!(computations.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn with_redis_gone_answers_are_computed_directly_and_quickly() {
    // Nothing listens on port 9: every Redis call fails at once.
    let gone = RedisConnector::from_url("redis://127.0.0.1:9/0").unwrap();
    let cache = Arc::new(AggregateCache::new(
        Some(gone),
        &namespace(),
        CacheTtls::new(Some(30), None),
    ));
    let computations = AtomicUsize::new(0);
    let started = std::time::Instant::now();
    assert_eq!(read(&cache, "k", &computations).await, r#"{"n":1}"#);
    cache.invalidate().await;
    assert_eq!(read(&cache, "k", &computations).await, r#"{"n":2}"#);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn equal_bodies_get_equal_strong_etags() {
    let a = super::Cached::new(b"{\"a\":1}".to_vec());
    let b = super::Cached::new(b"{\"a\":1}".to_vec());
    let c = super::Cached::new(b"{\"a\":2}".to_vec());
    assert_eq!(a.etag, b.etag);
    assert_ne!(a.etag, c.etag);
    assert!(a.etag.starts_with('"') && a.etag.ends_with('"'));
}
