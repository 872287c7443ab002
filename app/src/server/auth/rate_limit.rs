//! A per-IP token bucket for the login endpoints (in memory: each instance limits what reaches
//! it; account lockout, in the database, is the cross-instance defence).

use std::{collections::HashMap, net::IpAddr, sync::Mutex, time::Instant};

/// Allows `burst` attempts at once, refilled at `per_minute`.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            per_minute: f64::from(per_minute.max(1)),
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `ip`; `false` when the bucket is empty.
    pub fn check(&self, ip: IpAddr, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        if buckets.len() > 10_000 {
            let full = self.burst;
            let rate = self.per_minute / 60.0;
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < full
            });
        }
        let (tokens, at) = buckets.entry(ip).or_insert((self.burst, now));
        let refilled = now.duration_since(*at).as_secs_f64() * self.per_minute / 60.0;
        *tokens = (*tokens + refilled).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The sign-in endpoints the limiter guards (the page form's server function and the API).
pub const LOGIN_PATHS: [&str; 2] = ["/api/auth/login", "/api/v1/auth/login"];

/// Middleware: answers 429 when a client address exceeds the sign-in rate.
pub async fn login_rate_layer(
    axum::extract::State(state): axum::extract::State<crate::server::state::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let guarded =
        req.method() == axum::http::Method::POST && LOGIN_PATHS.contains(&req.uri().path());
    if guarded {
        let ip = req
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        if let Some(ip) = ip
            && !state.login_limiter.check(ip, Instant::now())
        {
            tracing::warn!(%ip, "sign-in rate limit reached");
            return (
                axum::http::StatusCode::TOO_MANY_REQUESTS,
                [
                    (axum::http::header::CONTENT_TYPE, "application/json"),
                    (axum::http::header::RETRY_AFTER, "60"),
                ],
                r#"{"code":"rate_limited"}"#,
            )
                .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_is_allowed_then_refused_until_refilled() {
        let limiter = RateLimiter::new(60, 3);
        let ip: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let t0 = Instant::now();
        assert!(limiter.check(ip, t0));
        assert!(limiter.check(ip, t0));
        assert!(limiter.check(ip, t0));
        assert!(!limiter.check(ip, t0));
        assert!(limiter.check(other, t0), "buckets are per address");
        assert!(
            limiter.check(ip, t0 + Duration::from_secs(1)),
            "one per second refills"
        );
        assert!(!limiter.check(ip, t0 + Duration::from_secs(1)));
    }
}
