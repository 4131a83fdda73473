//! The OpenAPI document and Swagger UI: the document is OpenAPI 3.1, describes every route
//! the router registers (read from `routes/mod.rs`, so a new route without an annotation
//! fails here), marks the protected operations, and the docs page works under the CSP.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

use crate::support::*;

/// `(method, path)` of every route in `routes/mod.rs`, as written there.
fn registered_routes() -> BTreeSet<(String, String)> {
    let source = include_str!("../../src/routes/mod.rs");
    let mut routes = BTreeSet::new();
    for call in source.split(".route(").skip(1) {
        let path = call.split('"').nth(1).expect("a quoted path");
        if call.contains("any(") {
            continue; // The catch-alls that answer unknown paths with 404.
        }
        for method in ["get", "post", "put", "patch", "delete"] {
            let pattern = format!("{method}(");
            let called = call.match_indices(&pattern).any(|(at, _)| {
                at == 0
                    || !call.as_bytes()[at - 1].is_ascii_alphanumeric()
                        && call.as_bytes()[at - 1] != b'_'
            });
            if called {
                routes.insert((method.to_owned(), path.to_owned()));
            }
        }
    }
    routes
}

/// `(method, path)` of every operation in the document, with the operation.
fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let paths = document["paths"].as_object().expect("paths");
    paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("a path item")
                .iter()
                .map(move |(method, operation)| (method.clone(), path.clone(), operation.clone()))
        })
        .collect()
}

async fn document(pool: PgPool) -> Value {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let answer = app.get("/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .header("content-type")
            .starts_with("application/json")
    );
    answer.json()
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_document_is_openapi_3_1_and_describes_every_route(pool: PgPool) {
    let document = document(pool).await;
    assert!(
        document["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        document["openapi"]
    );
    let mut expected = registered_routes();
    assert!(expected.len() > 50, "the route list was read: {expected:?}");
    // Mounted outside `routes/mod.rs`: the document itself and the CSP report sink.
    expected.insert(("get".to_owned(), "/api/openapi.json".to_owned()));
    expected.insert(("post".to_owned(), "/csp-report".to_owned()));
    let described: BTreeSet<(String, String)> = operations(&document)
        .into_iter()
        .map(|(method, path, _)| (method, path))
        .collect();
    let missing: Vec<_> = expected.difference(&described).collect();
    let extra: Vec<_> = described.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "routes without an operation: {missing:?}"
    );
    assert!(extra.is_empty(), "operations without a route: {extra:?}");

    let ids: Vec<&str> = document["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .map(|operation| operation["operationId"].as_str().expect("an operationId"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "operation ids are unique: {ids:?}");
}

/// Every `$ref` in `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target.clone());
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn protected_operations_declare_bearer_security_and_errors_are_problems(pool: PgPool) {
    let document = document(pool).await;
    let scheme = &document["components"]["securitySchemes"]["bearer"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    let public = [
        "/api/health",
        "/api/openapi.json",
        "/csp-report",
        "/api/token",
        "/api/token/refresh",
        "/api/token/logout",
        "/api/auth/password-reset",
        "/api/auth/password-reset/confirm",
    ];
    for (method, path, operation) in operations(&document) {
        let security = &operation["security"];
        if public.contains(&path.as_str()) {
            assert!(security.is_null(), "{method} {path} is public");
        } else {
            assert_eq!(
                security,
                &serde_json::json!([{ "bearer": [] }]),
                "{method} {path} needs a bearer token"
            );
            assert!(
                !operation["responses"]["401"].is_null(),
                "{method} {path} can answer 401"
            );
        }
        for (status, response) in operation["responses"].as_object().unwrap() {
            if status.starts_with('4') {
                let target = response["$ref"].as_str().unwrap_or_default();
                assert!(
                    target.starts_with("#/components/responses/"),
                    "{method} {path} {status} is a problem response"
                );
            }
        }
    }
    for (name, response) in document["components"]["responses"].as_object().unwrap() {
        let problem = &response["content"]["application/problem+json"]["schema"]["$ref"];
        assert_eq!(problem, "#/components/schemas/Problem", "{name}");
    }
    let mut targets = Vec::new();
    references(&document, &mut targets);
    for target in targets {
        let pointer = target.trim_start_matches('#');
        assert!(document.pointer(pointer).is_some(), "{target} resolves");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_docs_page_loads_only_files_so_the_csp_allows_it(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    for path in ["/api/docs", "/api/docs/"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.header("content-type").starts_with("text/html"));
        let policy = page.header("content-security-policy");
        assert!(policy.contains("script-src 'self' 'nonce-"), "{policy}");
        assert!(policy.contains("style-src 'self' 'nonce-"), "{policy}");
        let html = String::from_utf8(page.body.clone()).unwrap();
        assert!(!html.contains("<style"), "no inline style element");
        assert!(!html.contains("style="), "no inline style attribute");
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert_eq!(scripts.len(), 3, "{html}");
        for script in scripts {
            let tag = script.split('>').next().unwrap();
            assert!(
                tag.contains(" src=\"/api/docs/"),
                "a file, not inline: {tag}"
            );
            assert!(
                script.starts_with(&format!("{tag}></script>")),
                "empty: {tag}"
            );
        }
    }
    for (file, kind) in [
        ("swagger-ui-bundle.js", "javascript"),
        ("swagger-ui-standalone-preset.js", "javascript"),
        ("swagger-ui.css", "text/css"),
        ("index.css", "text/css"),
    ] {
        let answer = app.get(&format!("/api/docs/{file}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{file}");
        assert!(answer.header("content-type").contains(kind), "{file}");
    }
    let initializer = app.get("/api/docs/swagger-initializer.js").await;
    assert_eq!(initializer.status, StatusCode::OK);
    let script = String::from_utf8(initializer.body).unwrap();
    assert!(
        script.contains("\"url\": \"/api/openapi.json\""),
        "{script}"
    );
    assert!(script.contains("\"validatorUrl\": \"none\""), "{script}");

    let missing = app.get("/api/docs/nothing-here.js").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.header("content-type"), "application/problem+json");
}
