"""Where phones in the hall can reach this laptop: its addresses on the local network."""

import ipaddress

import psutil

# Interfaces that never face the hall's Wi-Fi: containers, VPNs, virtual bridges.
VIRTUAL_PREFIXES = ("lo", "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap")


def lan_addresses():
    """IPv4 addresses of this machine that other devices on its network can reach, the
    Wi-Fi or Ethernet one first. Sends nothing on the network."""
    stats = psutil.net_if_stats()
    found = []
    for name, addresses in psutil.net_if_addrs().items():
        if name.startswith(VIRTUAL_PREFIXES) or not getattr(stats.get(name), "isup", False):
            continue
        for address in addresses:
            if address.family.name != "AF_INET":
                continue
            ip = ipaddress.ip_address(address.address)
            if ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
                continue
            # Wireless first (wl*), then wired: a laptop on the hall's Wi-Fi and a cable.
            found.append((0 if name.startswith("wl") else 1, name, str(ip)))
    return [ip for _rank, _name, ip in sorted(found)]


def allowed_hosts_for(addresses):
    """The Host names the server must accept: this machine and its LAN addresses."""
    return ["127.0.0.1", "localhost", "[::1]", *addresses]
