using Microsoft.Extensions.Configuration;

namespace Regiekamer.Core.Grants.OpenData;

/// <summary>
/// Who the open data says publishes and funds the grants, from the configuration section <c>OpenData</c>:
/// <c>OpenData:IdPrefix</c> (the 360Giving prefix of every grant id), <c>OpenData:FunderId</c> (the funder's org-id),
/// <c>OpenData:FunderName</c> and <c>OpenData:PublisherWebsite</c>. The web app reads them from its configuration, the
/// CLI from the environment (<c>OpenData__IdPrefix</c> …). A value that is wrong stops the app at start, naming it.
/// </summary>
public sealed record OpenDataSettings
{
    public const string Section = "OpenData";

    /// <summary>360Giving's prefix of every grant id: "360G-" followed by the publisher's own part. Never change it once grants are published: their ids would change.</summary>
    public string IdPrefix { get; init; } = "360G-regiekamer-";

    /// <summary>The funder's org-id: the Flemish Community's enterprise number on org-id.guide's Belgian list.</summary>
    public string FunderId { get; init; } = "BE-BCE_KBO-0316381039";

    public string FunderName { get; init; } = "Departement Werk en Sociale Economie (Vlaamse overheid)";

    public string PublisherWebsite { get; init; } = "https://www.vlaanderen.be/werk";

    public OpenDataPublisher Publisher => new(IdPrefix, FunderId, FunderName, PublisherWebsite);

    public static OpenDataSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return From(key => config[key]);
    }

    /// <summary>Reads <c>OpenData:…</c> through <paramref name="setting"/> (a key such as "OpenData:IdPrefix" to its value, or null); empty values keep the default.</summary>
    public static OpenDataSettings From(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var defaults = new OpenDataSettings();
        string Read(string name, string fallback) => setting($"{Section}:{name}") is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;
        var settings = new OpenDataSettings
        {
            IdPrefix = Read(nameof(IdPrefix), defaults.IdPrefix),
            FunderId = Read(nameof(FunderId), defaults.FunderId),
            FunderName = Read(nameof(FunderName), defaults.FunderName),
            PublisherWebsite = Read(nameof(PublisherWebsite), defaults.PublisherWebsite),
        };

        if (!settings.IdPrefix.StartsWith("360G-", StringComparison.Ordinal) || settings.IdPrefix.Length == "360G-".Length || settings.IdPrefix.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"{Section}:{nameof(IdPrefix)}: '{settings.IdPrefix}' is no 360Giving prefix: it starts with 360G- and its own part, without spaces (e.g. 360G-regiekamer-).");
        }

        if (settings.FunderId.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"{Section}:{nameof(FunderId)}: '{settings.FunderId}' is no org-id (e.g. BE-BCE_KBO-0316381039).");
        }

        if (!Uri.TryCreate(settings.PublisherWebsite, UriKind.Absolute, out var website) || (website.Scheme != Uri.UriSchemeHttps && website.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{Section}:{nameof(PublisherWebsite)}: '{settings.PublisherWebsite}' is not an absolute http(s) address.");
        }

        return settings;
    }
}
