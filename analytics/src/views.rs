//! What the views share: hours and weekly capacities out of the database's hundredths,
//! band counts, and the OpenAPI schema of a band (the domain crate stays free of utoipa).

use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::utilization::Band;

use crate::AnalyticsError;

/// The schema of a [`Band`]: one of its stable names.
pub fn band_schema() -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(Band::ALL.map(Band::as_str)))
        .build()
        .into()
}

/// Summed hundredths of an hour as hours.
pub(crate) fn hours(centihours: i64) -> HoursTotal {
    HoursTotal::from_centihours(centihours)
}

/// A person's stored weekly capacity (hundredths) as checked hours; the schema keeps it
/// within 0 to 168, so anything else is corrupt data, not a zero.
pub(crate) fn weekly_capacity(centihours: i64) -> Result<Hours, AnalyticsError> {
    i32::try_from(centihours)
        .ok()
        .and_then(Hours::from_centihours)
        .ok_or_else(|| AnalyticsError::Data(format!("weekly capacity of {centihours} hundredths")))
}

/// How many people fall in one band.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BandCount {
    #[schema(schema_with = band_schema)]
    pub band: Band,
    pub people: i64,
}
