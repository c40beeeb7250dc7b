//! Operations: each route of the API with the exact set of errors it returns.

/// One operation of the API and the errors it can return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The id, snake case and unique in the catalog: `create_invite`.
    pub id: String,
    /// The HTTP method, lower case (`post`), where the catalog gives one; given with
    /// `path` or not at all.
    pub method: Option<String>,
    /// The path template (`/invites/{id}`), where the catalog gives one.
    pub path: Option<String>,
    /// One line saying what the operation does, where the catalog gives one.
    pub summary: Option<String>,
    /// The errors it returns, as indexes into `Catalog::errors`, in catalog order: its
    /// own, its groups', and those every operation returns.
    pub errors: Vec<usize>,
    /// The Rust name of its error enum: `CreateInviteError`.
    pub variant: String,
    /// The anchor of its section in the docs: `operation-create_invite`.
    pub anchor: String,
}

impl Operation {
    /// Whether the operation returns the error at `index` of `Catalog::errors`.
    pub fn returns(&self, index: usize) -> bool {
        self.errors.binary_search(&index).is_ok()
    }
}
