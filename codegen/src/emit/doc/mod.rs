//! The JSON emitters' own document tree (the OpenAPI documents and the dictionary):
//! ordered objects kept as vectors of entries, strings borrowed from the catalog where
//! they can be, written as JSON by [`json`] and as YAML by the OpenAPI emitter. It
//! replaces `serde_json::Value` on the hot path, whose objects (with `preserve_order`) hash every key into an `IndexMap` and
//! own every key and string. The key-order rules are those of serde_json's map: a
//! repeated key keeps its first position and takes the new value, and `remove` moves the
//! last entry into the removed one's place.

pub(crate) mod json;

use std::borrow::Cow;

use serde_json::{Map, Number, Value as Json};

/// A JSON value of an OpenAPI document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Doc<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, written as serde_json writes it.
    Num(Number),
    /// A string, borrowed from the catalog or owned.
    Str(Cow<'a, str>),
    /// An array.
    List(Vec<Doc<'a>>),
    /// An object, its entries in order.
    Map(Obj<'a>),
}

/// The entries of an object, in order, each key once (see [`Obj::push`] for the one
/// way to break that, and [`Obj::dedup`] for the repair).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Obj<'a>(Vec<(Cow<'a, str>, Doc<'a>)>);

impl<'a> Obj<'a> {
    /// An empty object.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// An empty object with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        Self(Vec::with_capacity(capacity))
    }

    /// An object of literal entries, inserted in order with [`Obj::insert`].
    pub fn of<const N: usize>(entries: [(&'a str, Doc<'a>); N]) -> Self {
        let mut out = Self::with_capacity(N);
        for (key, value) in entries {
            out.insert(key, value);
        }
        out
    }

    /// Whether the object has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Doc<'a>)> {
        self.0.iter().map(|(key, value)| (key.as_ref(), value))
    }

    /// Sets `key` to `value`: in place if the key is there, else at the end. Linear in
    /// the number of entries, so for small objects; large ones are built with
    /// [`Obj::push`] and [`Obj::dedup`].
    pub fn insert(&mut self, key: impl Into<Cow<'a, str>>, value: Doc<'a>) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => *old = value,
            None => self.0.push((key, value)),
        }
    }

    /// Appends an entry without looking for its key. An object built this way may
    /// repeat keys until [`Obj::dedup`] is called on it.
    pub fn push(&mut self, key: impl Into<Cow<'a, str>>, value: Doc<'a>) {
        self.0.push((key.into(), value));
    }

    /// The value of `key`, if it is there.
    pub fn get(&self, key: &str) -> Option<&Doc<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Removes `key` and returns its value; the last entry takes its place, as in
    /// serde_json's `Map::remove` with `preserve_order` (a swap-remove).
    pub fn remove(&mut self, key: &str) -> Option<Doc<'a>> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(at).1)
    }

    /// Inserts every entry of `other` in order, as serde_json's `Map::append` does.
    pub fn append(&mut self, other: Obj<'a>) {
        for (key, value) in other.0 {
            self.insert(key, value);
        }
    }

    /// Makes the keys of an object built with [`Obj::push`] unique as repeated
    /// `insert`s would have: each key once, at its first position, with its last
    /// value. Sorts the positions once when a key repeats; otherwise only checks.
    pub fn dedup(&mut self) {
        let mut order: Vec<usize> = (0..self.0.len()).collect();
        order.sort_by(|&a, &b| self.0[a].0.cmp(&self.0[b].0).then(a.cmp(&b)));
        let runs: Vec<&[usize]> = order
            .chunk_by(|&a, &b| self.0[a].0 == self.0[b].0)
            .filter(|run| run.len() > 1)
            .collect();
        if runs.is_empty() {
            return;
        }
        // Per run of one key (positions ascending): the last value goes to the first
        // position, and every later position is dropped.
        let mut keep = vec![true; self.0.len()];
        for run in runs {
            self.0.swap(run[0], run[run.len() - 1]);
            run[1..].iter().for_each(|&later| keep[later] = false);
        }
        let mut flags = keep.into_iter();
        self.0.retain(|_| flags.next().unwrap_or(true));
    }

    /// The object as a serde_json map (keys are unique, so the order is kept).
    pub fn to_json(&self) -> Map<String, Json> {
        self.iter()
            .map(|(key, value)| (key.to_owned(), value.to_json()))
            .collect()
    }
}

impl<'a> Doc<'a> {
    /// A string borrowed for the document's lifetime.
    pub fn str(text: &'a str) -> Self {
        Doc::Str(Cow::Borrowed(text))
    }

    /// A borrowed view of a serde_json value: strings and keys are not copied.
    pub fn from_json(value: &'a Json) -> Self {
        match value {
            Json::Null => Doc::Null,
            Json::Bool(b) => Doc::Bool(*b),
            Json::Number(n) => Doc::Num(n.clone()),
            Json::String(s) => Doc::str(s),
            Json::Array(items) => Doc::List(items.iter().map(Doc::from_json).collect()),
            Json::Object(map) => {
                let mut out = Obj::with_capacity(map.len());
                for (key, value) in map {
                    out.push(key.as_str(), Doc::from_json(value));
                }
                Doc::Map(out)
            }
        }
    }

    /// The value as serde_json's, for tests and callers that want a `Value`.
    pub fn to_json(&self) -> Json {
        match self {
            Doc::Null => Json::Null,
            Doc::Bool(b) => Json::Bool(*b),
            Doc::Num(n) => Json::Number(n.clone()),
            Doc::Str(s) => Json::String(s.as_ref().to_owned()),
            Doc::List(items) => Json::Array(items.iter().map(Doc::to_json).collect()),
            Doc::Map(obj) => Json::Object(obj.to_json()),
        }
    }

    /// The entries of an object value; other values give an empty object.
    pub fn into_obj(self) -> Obj<'a> {
        match self {
            Doc::Map(obj) => obj,
            _ => Obj::new(),
        }
    }
}

/// An owned serde_json value taken over without copying its strings.
impl From<Json> for Doc<'_> {
    fn from(value: Json) -> Self {
        match value {
            Json::Null => Doc::Null,
            Json::Bool(b) => Doc::Bool(b),
            Json::Number(n) => Doc::Num(n),
            Json::String(s) => Doc::Str(Cow::Owned(s)),
            Json::Array(items) => Doc::List(items.into_iter().map(Doc::from).collect()),
            Json::Object(map) => {
                let mut out = Obj::with_capacity(map.len());
                for (key, value) in map {
                    out.push(key, Doc::from(value));
                }
                Doc::Map(out)
            }
        }
    }
}

impl<'a> From<&'a str> for Doc<'a> {
    fn from(text: &'a str) -> Self {
        Doc::str(text)
    }
}

impl From<String> for Doc<'_> {
    fn from(text: String) -> Self {
        Doc::Str(Cow::Owned(text))
    }
}

impl From<bool> for Doc<'_> {
    fn from(b: bool) -> Self {
        Doc::Bool(b)
    }
}

/// Integers of the model, as numbers.
macro_rules! from_integer {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Doc<'_> {
            fn from(n: $ty) -> Self {
                Doc::Num(Number::from(n))
            }
        }
    )*};
}
from_integer!(i64, u64, u32, u16);

impl<'a> From<Obj<'a>> for Doc<'a> {
    fn from(obj: Obj<'a>) -> Self {
        Doc::Map(obj)
    }
}

impl<'a> From<Vec<Doc<'a>>> for Doc<'a> {
    fn from(items: Vec<Doc<'a>>) -> Self {
        Doc::List(items)
    }
}

/// `None` as `null`, as serde_json's `Value::from(Option)`.
impl<'a, T: Into<Doc<'a>>> From<Option<T>> for Doc<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Doc::Null, Into::into)
    }
}

#[cfg(test)]
mod tests;
