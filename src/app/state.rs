//! The board's state types apart from `Model`: what owns the keys ([`mode::Mode`]), each
//! view's place, and the input that waits. Nothing here imports the model.

pub mod inbox;
pub mod mode;
pub mod places;
pub mod purpose;
