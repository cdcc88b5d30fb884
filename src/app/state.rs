//! The board's state types apart from `Model`: what owns the keys ([`mode::Mode`]), each
//! view's place, and the input that waits. Nothing here imports the model.

pub(crate) mod inbox;
pub(crate) mod mode;
pub(crate) mod places;
pub(crate) mod purpose;
