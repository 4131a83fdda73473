//! [`table!`]: a served table's writable fields, stated once. Each field is named with its
//! Rust type and its record type, and, where it is not stored as it is in the column of
//! its name, how it is read and what column it is written to; the macro declares the
//! fields struct and derives the statements of its [`crate::stored::Table`] from that one
//! list, so the struct, the SELECT, the JSON record and the written columns cannot drift
//! apart. A table that shows more than its fields (a person's role and department names)
//! names the columns and joins that read them.

/// Declares `pub struct $fields` and its `Table` impl:
///
/// ```ignore
/// table! {
///     /// The writable fields of a role.
///     pub struct RoleFields in "roles" as r {
///         name: String => "text",
///         capacity_centihours: i32 => "integer"
///             read "(r.weekly_capacity * 100)::integer"
///             stored "weekly_capacity" = "u.capacity_centihours / 100.0",
///     }
///     shows NothingShown;
///     in use when "EXISTS (SELECT 1 FROM people p WHERE p.role_id = t.id)";
/// }
/// ```
///
/// `shows Names: "r.name AS role_name" from "LEFT JOIN roles r ON ..."` adds what a row
/// shows beside its fields.
macro_rules! table {
    (
        $(#[$meta:meta])*
        pub struct $fields:ident in $table:literal as $alias:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty => $record:literal
                    $(read $read:literal)?
                    $(stored $column:literal = $value:literal)?
            ),+ $(,)?
        }
        shows $shown:ty $(: $shown_columns:literal from $joins:literal)?;
        in use when $in_use:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
        pub struct $fields {
            $($(#[$field_meta])* pub $field: $ty,)+
        }

        impl $crate::stored::Table for $fields {
            type Shown = $shown;
            const TABLE: &'static str = $table;
            const SELECT: &'static str = concat!(
                "SELECT ", stringify!($alias), ".id, ",
                $($crate::table::table!(@read $alias $field $($read)?), ", ",)+
                $($shown_columns, ", ",)?
                stringify!($alias), ".created_at, ",
                stringify!($alias), ".updated_at, ",
                stringify!($alias), ".version FROM ", $table, " ", stringify!($alias)
                $(, " ", $joins)?
            );
            const IN_USE: &'static str = $in_use;
            const RECORD: &'static str = $crate::table::table!(
                @list $(concat!(stringify!($field), " ", $record)),+
            );
            const COLUMNS: &'static str = $crate::table::table!(
                @list $($crate::table::table!(@column $field $($column)?)),+
            );
            const VALUES: &'static str = $crate::table::table!(
                @list $($crate::table::table!(@value $field $($value)?)),+
            );
        }
    };
    (@read $alias:ident $field:ident) => { concat!(stringify!($alias), ".", stringify!($field)) };
    (@read $alias:ident $field:ident $read:literal) => { concat!($read, " AS ", stringify!($field)) };
    (@column $field:ident) => { stringify!($field) };
    (@column $field:ident $column:literal) => { $column };
    (@value $field:ident) => { concat!("u.", stringify!($field)) };
    (@value $field:ident $value:literal) => { $value };
    (@list $first:expr $(, $rest:expr)*) => { concat!($first $(, ", ", $rest)*) };
}

pub(crate) use table;
