//! `GET /api/utilization/bands`: the utilization band thresholds this installation uses
//! (`UTILIZATION_BANDS`), so every screen colours a week exactly as the domain's
//! `Band::of` would instead of keeping its own copy of 70/85/100.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use wt_domain::utilization::{Band, Bands};

use crate::auth::Reader;
use crate::openapi::responses as r;
use crate::state::AppState;

/// The thresholds in percent and the bands in order of fullness:
/// `available < optimalFrom <= optimal < highFrom <= high <= overAbove < over_allocated`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UtilizationBands {
    /// The lowest percentage that is optimal; anything below is available.
    optimal_from: f64,
    /// The lowest percentage that is high.
    high_from: f64,
    /// The highest percentage that is still high; anything above is over-allocated.
    over_above: f64,
    /// Every band, from the emptiest to the fullest.
    #[schema(schema_with = crate::openapi::band_list_schema)]
    order: [Band; 4],
}

impl From<&Bands> for UtilizationBands {
    fn from(bands: &Bands) -> Self {
        UtilizationBands {
            optimal_from: bands.optimal_from(),
            high_from: bands.high_from(),
            over_above: bands.over_above(),
            order: Band::ALL,
        }
    }
}

/// The utilization band thresholds.
#[utoipa::path(
    get, path = "/api/utilization/bands", tag = "utilization",
    responses((status = 200, description = "The band thresholds", body = UtilizationBands),
        (status = 401, response = r::Unauthorized))
)]
pub async fn bands(State(state): State<AppState>, Reader(_): Reader) -> Json<UtilizationBands> {
    Json(UtilizationBands::from(&state.settings.utilization_bands))
}
