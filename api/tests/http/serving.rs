//! Request ids and the web app: fallback routing and cache headers.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use sqlx::PgPool;

use crate::support::*;

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn request_ids_are_kept_when_sane_and_created_otherwise(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let kept = app
        .send(
            Request::get("/api/health")
                .header("x-request-id", "edge-42.a")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(kept.header("x-request-id"), "edge-42.a");

    let created = app.get("/api/health").await;
    assert_eq!(created.header("x-request-id").len(), 36, "a fresh UUID");

    let replaced = app
        .send(
            Request::get("/api/health")
                .header("x-request-id", "a b\"c")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(replaced.header("x-request-id").len(), 36);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_web_app_is_served_with_fallback_and_caching(pool: PgPool) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>WT</title>",
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/index-abc123.js"), "export {}").unwrap();
    let (_, app) = app_with(pool, settings(&[]), dist.path());

    for path in ["/", "/status", "/planning/people/12"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(String::from_utf8_lossy(&page.body).contains("<title>WT</title>"));
        assert_eq!(page.header("cache-control"), "no-cache", "{path}");
    }
    let asset = app.get("/assets/index-abc123.js").await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(
        asset.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(
        asset
            .header(header::CONTENT_TYPE.as_str())
            .contains("javascript")
    );

    let missing_asset = app.get("/assets/gone-999.js").await;
    assert_eq!(missing_asset.status, StatusCode::NOT_FOUND);
}
