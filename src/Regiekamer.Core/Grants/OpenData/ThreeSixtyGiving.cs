using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Json.Schema;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants.OpenData;

/// <summary>
/// The open data of published decree lines as a 360Giving Data Standard package (<c>{"grants": [...]}</c>, schema
/// 1.4.3, vendored in <c>Schema/</c> with its licence), and the check of such a package against that schema. Pure:
/// records in, JSON out; the database side decides which lines are published.
/// </summary>
public static class ThreeSixtyGiving
{
    /// <summary>
    /// The grant schema as the package schema's <c>$ref</c> names it: 1.4.2, while the grant schema's own <c>$id</c>
    /// says 1.4.3. Registered as the local copy, so nothing is fetched (Schema/README.md).
    /// </summary>
    internal const string GrantSchemaReference = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    /// <summary>The <c>$schema</c> both vendored files declare: draft 2020-12, but with <c>http</c> where the draft's identifier has <c>https</c>.</summary>
    internal const string DeclaredDialect = "http://json-schema.org/draft/2020-12/schema";

    /// <summary>org-id.guide's list for Belgian enterprises (the Crossroads Bank for Enterprises), before the ten digits.</summary>
    private const string KboOrgIdPrefix = "BE-BCE_KBO-";

    /// <summary>The writer hands its buffer to the stream past this many bytes, so memory stays flat however many grants there are.</summary>
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Dutch names and the en dash of titles stay readable in the file; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Format checking on: the schema's dates are oneOf a date pattern and format date-time, and a plain date matches both when format is only an annotation.</summary>
    private static readonly EvaluationOptions PassOrFail = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions WithDetails = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.Hierarchical };

    private static readonly Lazy<JsonSchema> PackageSchema = new(LoadPackageSchema);

    /// <summary>
    /// Writes the package to <paramref name="output"/>, one grant at a time: the grants are read once, in order, and
    /// never held together. An empty sequence writes an empty list, which the standard does not accept (at least one
    /// grant): publish no file instead.
    /// </summary>
    /// <exception cref="ArgumentException">A record the database should never hold: an amount of zero or less, a key seen before, an invalid enterprise number or NIS code, a name without letters or digits.</exception>
    public static void Write(Stream output, IEnumerable<GrantRecord> grants, OpenDataPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(publisher);

        using var writer = new Utf8JsonWriter(output, WriterOptions);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        WriteStart(writer, publisher);
        foreach (var grant in grants)
        {
            WriteGrant(writer, grant, publisher, keys);
            if (writer.BytesPending >= FlushThreshold)
            {
                writer.Flush();
            }
        }

        WriteEnd(writer);
        writer.Flush();
    }

    /// <summary>
    /// <see cref="Write"/> for grants read from the database as they come (EF Core's <c>AsAsyncEnumerable</c>) into a
    /// stream that may not be written synchronously (an HTTP response); the bytes are the same.
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GrantRecord> grants, OpenDataPublisher publisher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(publisher);

        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        WriteStart(writer, publisher);
        await foreach (var grant in grants.WithCancellation(cancellationToken))
        {
            WriteGrant(writer, grant, publisher, keys);
            if (writer.BytesPending >= FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        WriteEnd(writer);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a package against the vendored 360Giving package schema (the grant schema resolved to the local copy,
    /// formats checked). Returns one readable line per problem, "where: what (keyword)", empty when the package is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [$"(file): not JSON: {e.Message}"];
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <inheritdoc cref="Validate(Stream)"/>
    public static IReadOnlyList<string> Validate(JsonElement package)
    {
        var schema = PackageSchema.Value;
        // A valid package, the usual case, is settled by the quick pass/fail evaluation; only a failing one is evaluated again for its messages.
        if (schema.Evaluate(package, PassOrFail).IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(schema.Evaluate(package, WithDetails), errors);
        return errors.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void WriteStart(Utf8JsonWriter writer, OpenDataPublisher publisher)
    {
        writer.WriteStartObject();
        // "major.minor" of the schema the package follows (1.4.3).
        writer.WriteString("version", "1.4");
        writer.WriteStartObject("publisher");
        writer.WriteString("identifier", publisher.FunderId);
        writer.WriteString("name", publisher.FunderName);
        writer.WriteString("website", publisher.PublisherWebsite);
        writer.WriteEndObject();
        writer.WriteStartArray("grants");
    }

    private static void WriteEnd(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGrant(Utf8JsonWriter writer, GrantRecord grant, OpenDataPublisher publisher, HashSet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!keys.Add(grant.Key))
        {
            throw new ArgumentException($"Decree line '{grant.Key}' is there twice: a grant id must be unique.", nameof(grant));
        }

        if (grant.Amount.Cents <= 0)
        {
            throw new ArgumentException($"Decree line '{grant.Key}' awards {grant.Amount}: a published grant is more than zero.", nameof(grant));
        }

        writer.WriteStartObject();
        writer.WriteString("id", publisher.IdPrefix + grant.Key);
        writer.WriteString("title", grant.Title);
        writer.WriteString("description", grant.Description);
        writer.WriteString("currency", "EUR");
        writer.WriteNumber("amountAwarded", Euros(grant.Amount));
        writer.WriteString("awardDate", IsoDate(grant.AwardDate));

        writer.WriteStartArray("plannedDates");
        writer.WriteStartObject();
        writer.WriteString("startDate", IsoDate(new DateOnly(grant.Year, 1, 1)));
        writer.WriteString("endDate", IsoDate(new DateOnly(grant.Year, 12, 31)));
        writer.WriteNumber("duration", 12);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("recipientOrganization");
        writer.WriteStartObject();
        writer.WriteString("id", RecipientId(grant, publisher));
        writer.WriteString("name", grant.RecipientName);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("fundingOrganization");
        writer.WriteStartObject();
        writer.WriteString("id", publisher.FunderId);
        writer.WriteString("name", publisher.FunderName);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("beneficiaryLocation");
        foreach (var location in grant.Locations)
        {
            if (!NisCode.TryParse(location.NisCode, out var nis))
            {
                throw new ArgumentException($"Decree line '{grant.Key}': '{location.NisCode}' ({location.Name}) is not a NIS code.", nameof(grant));
            }

            writer.WriteStartObject();
            writer.WriteString("name", location.Name);
            writer.WriteString("geoCode", nis.Value);
            // No geoCodeType. The standard says to take it from geoCodeType.csv, and every entry there is a UK ONS
            // geography (E/W/S/N entities: wards, unitary authorities, districts, council areas, ...): none is a
            // Belgian municipality or the Statbel REFNIS list. An administrative-looking entry such as UA or NMD would
            // tell users, and GrantNav, which looks geoCodes up in ONS's register, that 44021 is an ONS code, which it
            // is not. The schema leaves the field optional and open, so it stays out rather than be wrong: the NIS code,
            // the municipality's name and countryCode BE identify the place. Should 360Giving add a non-UK type, add it here.
            writer.WriteString("countryCode", "BE");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The euros with exactly the cents, as a decimal of scale 2 built from the integer cents (100 cents writes
    /// 1.00, 12345678 writes 123456.78): no binary fraction is ever involved.
    /// </summary>
    private static decimal Euros(Money amount) =>
        new(unchecked((int)amount.Cents), (int)(amount.Cents >> 32), 0, false, 2);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The org-id <c>BE-BCE_KBO-</c> + the enterprise number when known; else one under the publisher's own prefix, from the name.</summary>
    private static string RecipientId(GrantRecord grant, OpenDataPublisher publisher)
    {
        if (grant.RecipientKbo is not null)
        {
            return KboNumber.TryParse(grant.RecipientKbo, out var kbo)
                ? KboOrgIdPrefix + kbo.Value
                : throw new ArgumentException($"Decree line '{grant.Key}': '{grant.RecipientKbo}' is not an enterprise number.", nameof(grant));
        }

        var slug = Slug(grant.RecipientName);
        return slug.Length > 0
            ? publisher.IdPrefix + "org-" + slug
            : throw new ArgumentException($"Decree line '{grant.Key}': the recipient's name '{grant.RecipientName}' has no letter or digit to make an id of.", nameof(grant));
    }

    /// <summary>"Regieverband Zuid-Oost Limburg (Bilzen, Tongeren)" → "regieverband-zuid-oost-limburg-bilzen-tongeren": accents dropped, ASCII letters and digits kept, anything else one dash.</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        var dash = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                dash = true;
            }
        }

        return slug.ToString();
    }

    /// <summary>
    /// Gathers the messages of what failed, and only that: a oneOf or anyOf that passed still lists its other branches
    /// as failed subschemas, which say nothing about the package, and so do if and not. A oneOf that more than one
    /// branch matched has no failing branch to speak for it and is named itself; any other failure without a message
    /// of its own or below it, by where it failed.
    /// </summary>
    private static bool Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return false;
        }

        var reported = false;
        if (node.Errors is { Count: > 0 })
        {
            foreach (var (keyword, message) in node.Errors)
            {
                errors.Add($"{Where(node)}: {message} ({keyword})");
            }

            reported = true;
        }

        // The subschemas of one keyword side by side: /…/oneOf/0 and /…/oneOf/1 share /…/oneOf.
        foreach (var keyword in (node.Details ?? []).GroupBy(d => Parent(d.EvaluationPath.ToString()), StringComparer.Ordinal))
        {
            var matched = keyword.Count(d => d.IsValid);
            switch (keyword.Key[(keyword.Key.LastIndexOf('/') + 1)..])
            {
                case "oneOf" when matched == 1:
                case "anyOf" when matched > 0:
                case "if" or "not":
                    continue;
                case "oneOf" when matched > 1:
                    errors.Add($"{Where(node)}: {matched} of the alternatives at {keyword.Key} match, where one must (oneOf)");
                    reported = true;
                    continue;
                default:
                    foreach (var detail in keyword)
                    {
                        reported |= Collect(detail, errors);
                    }

                    break;
            }
        }

        if (!reported)
        {
            errors.Add($"{Where(node)}: does not match the schema at {node.EvaluationPath}");
        }

        return true;

        static string Parent(string path) => path[..Math.Max(0, path.LastIndexOf('/'))];
    }

    private static string Where(EvaluationResults node)
    {
        var location = node.InstanceLocation.ToString();
        return location.Length == 0 ? "(package)" : location;
    }

    private static JsonSchema LoadPackageSchema()
    {
        // Draft 2020-12 under the http URI the files declare: JsonSchema.Net knows the dialect only by its https id and
        // would refuse to build either schema. A local registry, so nothing global changes.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft202012.With([], new Uri(DeclaredDialect)));
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = dialects };

        var grant = JsonSchema.FromText(ReadSchema("360-giving-schema.json"), options);
        options.SchemaRegistry.Register(new Uri(GrantSchemaReference), grant);
        return JsonSchema.FromText(ReadSchema("360-giving-package-schema.json"), options);
    }

    private static string ReadSchema(string file)
    {
        var name = "Regiekamer.Grants.OpenData." + file;
        using var stream = typeof(ThreeSixtyGiving).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
