//! `TRUSTED_PROXIES`: the reverse proxies (nginx, a load balancer) whose `X-Forwarded-For`
//! is believed, and the rule that turns a connection's peer plus that header into the
//! client's address. Per-client limits (sign-in, password reset, CSP reports) key on that
//! address, so trusting the header from anyone would let a client pick its own bucket,
//! and trusting it from no one puts everyone behind nginx in one bucket.

use std::net::IpAddr;

use ipnet::IpNet;

/// The proxies named by `TRUSTED_PROXIES` (addresses and CIDR ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// Parses `TRUSTED_PROXIES`: comma-separated addresses (`10.0.0.5`, `::1`) and ranges
/// (`172.16.0.0/12`); empty trusts no one.
pub fn parse_trusted_proxies(raw: &str) -> Result<TrustedProxies, String> {
    let mut nets = Vec::new();
    for part in raw
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let net = match part.parse::<IpNet>() {
            Ok(net) => net,
            Err(_) => part
                .parse::<IpAddr>()
                .map(IpNet::from)
                .map_err(|_| format!("{part:?} is not an IP address or a CIDR range"))?,
        };
        // A /0 trusts every peer, so any client could name its own address.
        if net.prefix_len() == 0 {
            return Err(format!(
                "{part:?} trusts every address; name the proxies themselves"
            ));
        }
        nets.push(net.trunc());
    }
    Ok(TrustedProxies(nets))
}

impl TrustedProxies {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `address` is one of the trusted proxies.
    pub fn trusts(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address for a request that arrived from `peer` with these
    /// `X-Forwarded-For` header values (in the order received). From an untrusted peer
    /// the header is ignored. From a trusted one the list is walked from the right (each
    /// proxy appends the address it saw), skipping trusted hops: the first untrusted
    /// address is the client. A malformed entry met on the way means the header cannot
    /// be believed, so the peer is the answer; a list of trusted hops only ends at its
    /// leftmost entry.
    pub fn client_address<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl IntoIterator<Item = &'a str>,
    ) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for
            .into_iter()
            .flat_map(|value| value.split(','))
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Ok(address) = hop.trim().parse::<IpAddr>() else {
                return peer;
            };
            client = address.to_canonical();
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().unwrap()
    }

    fn proxies(raw: &str) -> TrustedProxies {
        parse_trusted_proxies(raw).unwrap()
    }

    #[test]
    fn addresses_and_ranges_parse_and_nonsense_is_refused() {
        let trusted = proxies(" 10.0.0.5, 172.16.0.0/12 ,::1,fd00::/8,");
        assert!(trusted.trusts(ip("10.0.0.5")));
        assert!(!trusted.trusts(ip("10.0.0.6")));
        assert!(trusted.trusts(ip("172.31.255.1")));
        assert!(trusted.trusts(ip("::1")));
        assert!(trusted.trusts(ip("fd12::7")));
        assert!(trusted.trusts(ip("::ffff:10.0.0.5")), "IPv4-mapped peers");
        assert!(proxies("").is_empty());
        assert!(parse_trusted_proxies("nginx").is_err());
        assert!(parse_trusted_proxies("10.0.0.0/33").is_err());
        assert!(parse_trusted_proxies("0.0.0.0/0").is_err());
        assert!(parse_trusted_proxies("::/0").is_err());
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_peer() {
        let trusted = proxies("127.0.0.1");
        let header = ["203.0.113.7"];
        assert_eq!(
            trusted.client_address(ip("198.51.100.2"), header),
            ip("198.51.100.2")
        );
        assert_eq!(
            trusted.client_address(ip("127.0.0.1"), header),
            ip("203.0.113.7")
        );
        assert_eq!(
            proxies("").client_address(ip("127.0.0.1"), header),
            ip("127.0.0.1")
        );
        assert_eq!(trusted.client_address(ip("127.0.0.1"), []), ip("127.0.0.1"));
    }

    #[test]
    fn the_walk_goes_from_the_right_and_stops_at_the_first_untrusted_hop() {
        let trusted = proxies("127.0.0.1,10.0.0.0/8");
        // The client claims 1.1.1.1; nginx saw 203.0.113.7 and a balancer 10.0.0.3.
        let forged = ["1.1.1.1, 203.0.113.7", "10.0.0.3"];
        assert_eq!(
            trusted.client_address(ip("127.0.0.1"), forged),
            ip("203.0.113.7")
        );
        let only_proxies = ["10.0.0.9,10.0.0.3"];
        assert_eq!(
            trusted.client_address(ip("127.0.0.1"), only_proxies),
            ip("10.0.0.9")
        );
        let mapped = ["::ffff:203.0.113.7"];
        assert_eq!(
            trusted.client_address(ip("::ffff:127.0.0.1"), mapped),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_malformed_header_means_the_peer() {
        let trusted = proxies("127.0.0.1,10.0.0.0/8");
        for header in [
            "garbage",
            "203.0.113.7,",
            "unknown, 10.0.0.3",
            "1.2.3.4:80",
            "",
        ] {
            assert_eq!(
                trusted.client_address(ip("127.0.0.1"), [header]),
                ip("127.0.0.1"),
                "{header:?}"
            );
        }
        // Garbage left of the client is never reached.
        assert_eq!(
            trusted.client_address(ip("127.0.0.1"), ["garbage, 203.0.113.7"]),
            ip("203.0.113.7")
        );
    }
}
