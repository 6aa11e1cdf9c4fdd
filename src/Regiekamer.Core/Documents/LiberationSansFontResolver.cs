using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Regiekamer.Core.Documents;

/// <summary>
/// Serves the Liberation Sans faces shipped in this assembly (Documents/Fonts, SIL OFL 1.1) to PDFsharp. Every family
/// asked for — "Liberation Sans", "Arial", "Helvetica" or any other — gets Liberation Sans: PDFsharp reads no system
/// fonts on Linux, and a document must look the same on every machine. Register it with
/// <see cref="DocumentFonts.EnsureRegistered"/>, never by setting <see cref="GlobalFontSettings.FontResolver"/> directly.
/// </summary>
public sealed class LiberationSansFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";

    internal const string Regular = "LiberationSans-Regular";
    internal const string Bold = "LiberationSans-Bold";
    internal const string Italic = "LiberationSans-Italic";
    internal const string BoldItalic = "LiberationSans-BoldItalic";

    private const string ResourcePrefix = "Regiekamer.Documents.Fonts.";

    private static readonly string[] Faces = [Regular, Bold, Italic, BoldItalic];

    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    /// <summary>The face names this resolver serves, one per style.</summary>
    public static IReadOnlyList<string> FaceNames => Faces;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => BoldItalic,
            (true, false) => Bold,
            (false, true) => Italic,
            _ => Regular,
        });

    public byte[]? GetFont(string faceName) =>
        Array.IndexOf(Faces, faceName) < 0 ? null : files.GetOrAdd(faceName, ReadResource);

    /// <summary>The licence text shipped with the fonts (OFL.txt), to show or hand out with them.</summary>
    public static string LicenceText()
    {
        using var stream = OpenResource("OFL.txt");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static byte[] ReadResource(string faceName)
    {
        using var stream = OpenResource(faceName + ".ttf");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream OpenResource(string file) =>
        typeof(LiberationSansFontResolver).Assembly.GetManifestResourceStream(ResourcePrefix + file)
        ?? throw new InvalidOperationException($"The embedded resource {ResourcePrefix}{file} is missing from Regiekamer.Core.");
}

/// <summary>
/// Puts <see cref="LiberationSansFontResolver"/> in place once per process. PDFsharp keeps one global font resolver
/// and refuses a second, different one, while documents may be built on several threads at once: the first caller
/// sets it under a lock, the others see it set.
/// </summary>
public static class DocumentFonts
{
    private static readonly Lock Gate = new();
    private static volatile bool registered;

    /// <summary>The resolver in use; the same instance for the whole process.</summary>
    public static LiberationSansFontResolver Resolver { get; } = new();

    /// <summary>Registers the resolver if no one has yet; cheap after the first call. Called by every document builder.</summary>
    /// <exception cref="InvalidOperationException">Something else in the process registered another font resolver.</exception>
    public static void EnsureRegistered()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
            else if (!ReferenceEquals(current, Resolver))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has another font resolver ({current.GetType().FullName}); Regiekamer's documents need {nameof(LiberationSansFontResolver)}.");
            }

            registered = true;
        }
    }
}
