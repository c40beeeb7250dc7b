//! An error's typed fields (message parameters, body members or both), their types and
//! values, and the message template that shows them.

/// A message template: text and parameter references.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template {
    /// The pieces in order.
    pub pieces: Vec<Piece>,
}

/// A piece of a message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Text(String),
    /// The parameter at this index of the error's `params`.
    Param(usize),
}

/// A typed field of an error: a message parameter, a body member, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name in the catalog, in the message and on the wire: `field`, `type`.
    pub name: String,
    /// The Rust field name, a valid identifier (`r#type` for a keyword).
    pub ident: String,
    /// The type.
    pub ty: ParamType,
    /// Whether the value may be absent: the member is then left out, or with
    /// `nullable` sent as `null`.
    pub optional: bool,
    /// Whether an absent value is sent as `null` (and the member is always sent).
    pub nullable: bool,
    /// Whether the message shows it.
    pub in_message: bool,
    /// What it holds.
    pub description: Option<String>,
    /// The value used in examples.
    pub example: Value,
}

/// Field types.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamType {
    /// A string.
    String,
    /// An absolute URI (RFC 3986): a string the checker and the generated parser
    /// refuse unless it is a scheme, `:` and URI characters only.
    Uri,
    /// A signed 64-bit integer.
    Integer,
    /// A 64-bit floating-point number.
    Number,
    /// A boolean.
    Boolean,
    /// A list of items of one type.
    List(Box<ParamType>),
    /// A JSON object mapping strings to values of one type.
    Map(Box<ParamType>),
    /// A JSON object with declared members: a generated Rust struct.
    Object(ObjectType),
    /// Any JSON value (`serde_json::Value`).
    Json,
}

/// An object type with declared members.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectType {
    /// The Rust struct's name, unique in the catalog: `ValidationFailedDetails`.
    pub name: String,
    /// The members, in order; their `in_message` is false.
    pub members: Vec<Param>,
}

impl ParamType {
    /// Whether this is a list of strings, the one list a message can show and read back.
    pub fn is_string_list(&self) -> bool {
        matches!(self, Self::List(item) if **item == Self::String)
    }

    /// Whether the generated code holds the value as a string (a URI too), integer, boolean
    /// or list of strings (the types with their own fast paths); the others go through JSON.
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            Self::String | Self::Uri | Self::Integer | Self::Boolean
        ) || self.is_string_list()
    }

    /// Whether a value of this type holds a URI somewhere (itself, an item, a value or
    /// a member's), which the generated parser checks.
    pub fn has_uri(&self) -> bool {
        match self {
            Self::Uri => true,
            Self::List(inner) | Self::Map(inner) => inner.has_uri(),
            Self::Object(object) => object.members.iter().any(|m| m.ty.has_uri()),
            _ => false,
        }
    }

    /// The type as the docs name it: `string`, `list of integer`, `map of list of string`.
    pub fn describe(&self) -> String {
        match self {
            Self::String => "string".to_owned(),
            Self::Uri => "uri".to_owned(),
            Self::Integer => "integer".to_owned(),
            Self::Number => "number".to_owned(),
            Self::Boolean => "boolean".to_owned(),
            Self::List(item) => format!("list of {}", item.describe()),
            Self::Map(value) => format!("map of {}", value.describe()),
            Self::Object(object) => format!("object {}", object.name),
            Self::Json => "JSON".to_owned(),
        }
    }
}

/// A parameter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A boolean.
    Boolean(bool),
    /// A list of strings.
    StringList(Vec<String>),
    /// A value of any other type (number, list, map, object, JSON), as JSON.
    Json(serde_json::Value),
    /// An optional parameter without a value.
    Absent,
}
