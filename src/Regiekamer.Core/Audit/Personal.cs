using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

/// <summary>
/// A value that is personal data (a name, an e-mail address, a phone number, an account), and whose it is
/// (<see cref="Subject"/>). In a snapshot the trail stores not the value but a reference to it in
/// <see cref="PersonalDatum"/>, outside the hash chain: erasing a person clears those rows and the chain still verifies.
/// </summary>
[JsonConverter(typeof(PersonalJsonConverter))]
public sealed record Personal(string Value, string Subject)
{
    public static Personal? Of(string? value, string subject) => string.IsNullOrEmpty(value) ? null : new(value, subject);

    /// <summary>The person behind an account.</summary>
    public static string UserSubject(Guid userId) => "user:" + userId.ToString("D");

    /// <summary>A contact person (a regisseur's details on a partnership): by e-mail address, or by name when there is none.</summary>
    public static string ContactSubject(string? email, string? name) =>
        !string.IsNullOrWhiteSpace(email) ? "contact:" + email.Trim().ToLowerInvariant() : "contact-name:" + (name ?? "").Trim().ToLowerInvariant();

    /// <summary>The operator at the command line, by OS account.</summary>
    public static string OperatorSubject(string account) => "os:" + account;

    /// <summary>The text a reference is stored as where a plain string is expected (the actor's name): "pd:&lt;id&gt;".</summary>
    public const string ReferencePrefix = "pd:";

    public const string ReferenceProperty = "$pd";
}

/// <summary>One personal value the audit trail refers to. Not part of the hash chain; erasing a person clears <see cref="Value"/> and <see cref="Subject"/>.</summary>
public sealed class PersonalDatum
{
    public Guid Id { get; set; }

    /// <summary>Whose it is (<see cref="Personal.Subject"/>); "erased" once erased.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The value; null once erased.</summary>
    public string? Value { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ErasedAtUtc { get; set; }

    public const string ErasedSubject = "erased";
}

/// <summary>
/// The serializer settings of the trail: letters of every script as they are (Zoë, not Zo\u00EB); HTML-sensitive
/// characters stay escaped. Personal values are written as references while <see cref="PersonalReferences"/> is open
/// (storing), as their text otherwise (comparing snapshots, resolving for display).
/// </summary>
internal static class AuditJson
{
    public static JsonSerializerOptions Plain { get; } = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}

/// <summary>
/// The personal values of one audit record while it is serialized: each distinct (subject, value) gets one
/// <see cref="PersonalDatum"/>, written to the snapshot as {"$pd": "&lt;id&gt;"}. Open on the serializing thread only.
/// </summary>
internal sealed class PersonalReferences(DateTime now)
{
    [ThreadStatic]
    private static PersonalReferences? _current;

    private readonly Dictionary<(string Subject, string Value), PersonalDatum> _data = [];

    public IReadOnlyCollection<PersonalDatum> Data => _data.Values;

    public static PersonalReferences? Current => _current;

    public Guid Reference(string value, string subject)
    {
        if (!_data.TryGetValue((subject, value), out var datum))
        {
            datum = new PersonalDatum { Id = Guid.NewGuid(), Subject = subject, Value = value, CreatedAtUtc = now };
            _data[(subject, value)] = datum;
        }

        return datum.Id;
    }

    /// <summary>Serializes with references; the values become rows of <see cref="Data"/>.</summary>
    public string? Serialize(object? snapshot)
    {
        if (snapshot is null)
        {
            return null;
        }

        var previous = _current;
        _current = this;
        try
        {
            return JsonSerializer.Serialize(snapshot, snapshot.GetType(), AuditJson.Plain);
        }
        finally
        {
            _current = previous;
        }
    }
}

/// <summary>Writes a <see cref="Personal"/> as a reference while <see cref="PersonalReferences"/> is open, else as its value; reads either.</summary>
internal sealed class PersonalJsonConverter : JsonConverter<Personal>
{
    public override Personal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new Personal(reader.GetString()!, "");
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.TryGetProperty(Personal.ReferenceProperty, out var id)
                        ? new Personal("", Personal.ReferencePrefix + id.GetString())
                        : throw new JsonException("A personal value is a string or a reference {\"$pd\": id}.");
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, Personal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        // Whether the trail is storing (references) or comparing (values) is the open PersonalReferences, not the
        // options: System.Text.Json shares converters between options instances with equal settings.
        if (PersonalReferences.Current is { } references)
        {
            writer.WriteStartObject();
            writer.WriteString(Personal.ReferenceProperty, references.Reference(value.Value, value.Subject).ToString("D"));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
