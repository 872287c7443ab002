//! Identity on the server: password hashing, sessions and API tokens stored in the database,
//! the request's current user, and the HTTP defences (CSRF, login rate limit, security headers).

pub mod csrf;
pub mod headers;
pub mod middleware;
pub mod password;
pub mod rate_limit;
pub mod secret;
pub mod session;
pub mod token;

pub use middleware::CurrentUser;
