using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Behind a load balancer or reverse proxy the app sees the proxy's address and plain HTTP. X-Forwarded-For and
/// X-Forwarded-Proto restore the client's address (rate limiting per IP, the log) and the scheme (HTTPS redirects,
/// HSTS, secure cookies, links in mails), but only from proxies we trust: <c>ForwardedHeaders:KnownProxies</c> (IP
/// addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). Without either, only loopback is trusted (the
/// framework's default), so a client cannot forge its address by sending the headers itself.
/// </summary>
public static class Proxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    /// <summary>Reads the settings now, so a value that does not parse stops the app at start and not at its first request.</summary>
    public static Action<ForwardedHeadersOptions> FromConfiguration(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var proxies = Values(config.GetSection(KnownProxiesKey))
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey}: '{text}' is not an IP address (e.g. 10.0.0.4 or fd00::4)."))
            .ToList();
        var networks = Values(config.GetSection(KnownNetworksKey))
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey}: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/16 or fd00::/64)."))
            .ToList();
        return options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0)
            {
                return;
            }

            // Configured proxies replace the loopback default: trust exactly what the operator named.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        };
    }

    /// <summary>A list (appsettings array, or <c>__0</c>, <c>__1</c> … in the environment) or one value separated by commas.</summary>
    private static List<string> Values(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
