//! The Markdown pages as readers get them: rendered to HTML with GitHub's extensions,
//! every link inside a page resolves, every table row has its header's cells, every
//! fact of the catalogs shows, and hostile catalog text renders as written.

#[path = "../common/mod.rs"]
mod common;
mod hostile;
mod html;
mod pages;
