using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Scripts, style sheets and map boundaries are sent compressed (Brotli, else gzip), so a map page stays under
/// 500 KB (docs/performance.md, "Maps"). Only these public, static types: pages and API answers that carry a user's data
/// are not compressed, so no secret shares a compressed response with what a visitor typed (BREACH), even over HTTPS.
/// </summary>
public static class StaticFileCompression
{
    public const string GeoJson = "application/geo+json";

    public static readonly string[] MimeTypes = ["text/css", "text/javascript", "application/javascript", GeoJson];

    /// <summary>Static files, with <c>.geojson</c> served as GeoJSON (the map boundaries in wwwroot/data).</summary>
    public static StaticFileOptions StaticFiles { get; } = new()
    {
        ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".geojson"] = GeoJson } },
    };

    public static IServiceCollection AddStaticFileCompression(this IServiceCollection services) => services
        .AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        })
        .Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal)
        .Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
}
