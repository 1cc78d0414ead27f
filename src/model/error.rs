//! Errors about input files: they always name the file, the line, the column and, where
//! known, the field, so that a user can find and fix the problem.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The field or id at fault, where one is known.
    pub field: Option<String>,
    pub message: String,
}

impl InputError {
    pub fn new(
        file: &str,
        (line, column): (usize, usize),
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            file: file.to_string(),
            line,
            column,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}
