//! Serves the built single-page app (`frontend/dist`) so one process is the whole web
//! server in development and small installs. Hashed files under `/assets` are cached for a
//! year; everything else, above all `index.html`, is revalidated on every load so a
//! deploy shows at once. Unknown paths answer `index.html` and the app's router decides.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// The router serving `dist`; mount it as the fallback of the API router.
pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path) -> Router<S> {
    if !dist.join("index.html").is_file() {
        tracing::warn!(
            dist = %dist.display(),
            "the web app is not built; run `make build` (API routes still work)"
        );
    }
    let assets = ServeDir::new(dist.join("assets"));
    let app = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    Router::new()
        .nest_service("/assets", assets)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(IMMUTABLE),
        ))
        .fallback_service(
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(REVALIDATE),
                ))
                .service(app),
        )
}
