using System.Globalization;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Actors;

/// <summary>An actor as entered on its form or sent to the API: text as typed, lists of codes.</summary>
public sealed record ActorInput(
    string? Name,
    string? KboNumber,
    string? KindCode,
    string? Street = null,
    string? HouseNumber = null,
    string? Zipcode = null,
    string? MunicipalityNisCode = null,
    string? Website = null,
    string? Email = null,
    string? Phone = null,
    string? Activities = null,
    string? Vision = null,
    IReadOnlyList<string>? TargetGroups = null,
    IReadOnlyList<string>? ServedMunicipalities = null);

public sealed record ValidActor(
    string Name, KboNumber? Kbo, string KindCode, string? Street, string? HouseNumber, string? Zipcode, NisCode? Municipality,
    string? Website, string? Email, string? Phone, string? Activities, string? Vision, IReadOnlyList<string> TargetGroups, IReadOnlyList<NisCode> ServedMunicipalities);

public sealed record RecognitionInput(string? What, string? GrantedBy, DateOnly? ValidFrom, DateOnly? ValidUntil);

public sealed record ValidRecognition(string What, string GrantedBy, DateOnly ValidFrom, DateOnly? ValidUntil);

public sealed record ContactInput(string? Name, string? Role, string? Email, string? Phone, bool PublicationConsent);

public sealed record ValidContact(string Name, string? Role, string? Email, string? Phone, bool PublicationConsent);

public sealed record TieInput(string? MunicipalityNisCode, string? Kind, string? Note);

public sealed record ValidTie(NisCode Municipality, string Kind, string? Note);

public sealed record LinkInput(int? OtherActorId, string? About, DateOnly? Since);

/// <summary>
/// The inventory's rules, pure: what makes an actor, a recognition, a contact, a tie or a link valid. Every error
/// names its field; a KBO number whose check digits are wrong breaks rule <see cref="KboRule"/> (422).
/// </summary>
public static class ActorRules
{
    /// <summary>The rule ID of a KBO number's checksum (97 − first eight mod 97).</summary>
    public const string KboRule = "KBO";

    public const int NameMax = 300;
    public const int TextMax = 4000;

    public static Result<ValidActor> Validate(ActorInput input, IReadOnlySet<string> kinds, IReadOnlySet<NisCode> municipalities2025)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(municipalities2025);
        var errors = new List<DomainError>();
        var name = InputText.Clean(input.Name, NameMax);
        if (name is null)
        {
            errors.Add(Required("name", "Naam", "Name"));
        }

        KboNumber? kbo = null;
        if (!string.IsNullOrWhiteSpace(input.KboNumber))
        {
            if (Common.KboNumber.TryParse(input.KboNumber, out var number))
            {
                kbo = number;
            }
            else
            {
                errors.Add(DomainError.Rule(KboRule, $"KBO-nummer: '{Short(input.KboNumber)}' is ongeldig: 10 cijfers die met 0 of 1 beginnen, de laatste twee het controlegetal (97 min de eerste acht modulo 97).", $"KBO number: '{Short(input.KboNumber)}' is not valid: 10 digits starting with 0 or 1, the last two the check digits (97 minus the first eight modulo 97).", "kboNumber"));
            }
        }

        var kind = input.KindCode?.Trim() ?? "";
        if (!kinds.Contains(kind))
        {
            errors.Add(DomainError.Invalid("unknown-kind", $"Soort: '{Short(kind)}' is geen soort actor uit de lijst van het departement.", $"Kind: '{Short(kind)}' is not a kind of actor on the department's list.", "kindCode"));
        }

        NisCode? municipality = null;
        if (!string.IsNullOrWhiteSpace(input.MunicipalityNisCode))
        {
            if (NisCode.TryParse(input.MunicipalityNisCode.Trim(), out var nis) && municipalities2025.Contains(nis))
            {
                municipality = nis;
            }
            else
            {
                errors.Add(UnknownMunicipality("municipalityNisCode", input.MunicipalityNisCode));
            }
        }

        var served = new List<NisCode>();
        foreach (var code in input.ServedMunicipalities ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            if (NisCode.TryParse(code.Trim(), out var nis) && municipalities2025.Contains(nis))
            {
                if (!served.Contains(nis))
                {
                    served.Add(nis);
                }
            }
            else
            {
                errors.Add(UnknownMunicipality("servedMunicipalities", code));
            }
        }

        var groups = new List<string>();
        foreach (var code in (input.TargetGroups ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (ActorCodes.TargetGroupLabel(code) is null)
            {
                errors.Add(DomainError.Invalid("unknown-target-group", $"Doelgroepen: '{Short(code)}' is geen doelgroep uit de lijst.", $"Target groups: '{Short(code)}' is not a target group on the list.", "targetGroups"));
            }
            else
            {
                groups.Add(code);
            }
        }

        var email = InputText.Clean(input.Email, 254);
        if (email is not null && !IsEmail(email))
        {
            errors.Add(BadEmail("email"));
        }

        var website = InputText.Clean(input.Website, 300);
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add(DomainError.Invalid("validation", "Website: een volledig adres dat met http:// of https:// begint.", "Website: a full address starting with http:// or https://.", "website"));
        }

        if (errors.Count > 0)
        {
            return Result<ValidActor>.Fail(errors);
        }

        return Result<ValidActor>.Ok(new ValidActor(
            name!, kbo, kind, InputText.Clean(input.Street, 200), InputText.Clean(input.HouseNumber, 20), InputText.Clean(input.Zipcode, 10), municipality,
            website, email, InputText.Clean(input.Phone, 40), InputText.Clean(input.Activities, TextMax), InputText.Clean(input.Vision, TextMax),
            groups.OrderBy(g => g, StringComparer.Ordinal).ToList(), served.Order().ToList()));
    }

    public static Result<ValidRecognition> Validate(RecognitionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DomainError>();
        var what = InputText.Clean(input.What, 300);
        var by = InputText.Clean(input.GrantedBy, 200);
        if (what is null)
        {
            errors.Add(Required("what", "Erkenning", "Recognition"));
        }

        if (by is null)
        {
            errors.Add(Required("grantedBy", "Erkend door", "Granted by"));
        }

        if (input.ValidFrom is null)
        {
            errors.Add(Required("validFrom", "Vanaf", "From"));
        }
        else if (input.ValidUntil is { } until && until < input.ValidFrom)
        {
            errors.Add(DomainError.Invalid("validation", "Tot en met: ligt voor de begindatum van de erkenning.", "Until: is before the recognition's start date.", "validUntil"));
        }

        return errors.Count > 0 ? Result<ValidRecognition>.Fail(errors) : Result<ValidRecognition>.Ok(new ValidRecognition(what!, by!, input.ValidFrom!.Value, input.ValidUntil));
    }

    public static Result<ValidContact> Validate(ContactInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DomainError>();
        var name = InputText.Clean(input.Name, 200);
        if (name is null)
        {
            errors.Add(Required("contactName", "Naam contactpersoon", "Contact's name"));
        }

        var email = InputText.Clean(input.Email, 254);
        if (email is not null && !IsEmail(email))
        {
            errors.Add(BadEmail("contactEmail"));
        }

        return errors.Count > 0 ? Result<ValidContact>.Fail(errors) : Result<ValidContact>.Ok(new ValidContact(name!, InputText.Clean(input.Role, 200), email, InputText.Clean(input.Phone, 40), input.PublicationConsent));
    }

    /// <summary>A tie names a member municipality of the actor's partnership and a kind of tie; the same tie twice is a conflict.</summary>
    public static Result<ValidTie> Validate(TieInput input, IReadOnlyCollection<NisCode> partnershipMembers, IEnumerable<ActorTie> existing)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(partnershipMembers);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<DomainError>();
        NisCode nis = default;
        if (!NisCode.TryParse(input.MunicipalityNisCode?.Trim(), out nis) || !partnershipMembers.Contains(nis))
        {
            errors.Add(DomainError.Invalid("not-a-member", $"Gemeente: '{Short(input.MunicipalityNisCode)}' is geen lid van dit regieverband.", $"Municipality: '{Short(input.MunicipalityNisCode)}' is not a member of this partnership.", "tieMunicipality"));
        }

        var kind = input.Kind?.Trim() ?? "";
        if (ActorCodes.TieKindLabel(kind) is null)
        {
            errors.Add(DomainError.Invalid("unknown-tie-kind", $"Soort band: '{Short(kind)}' staat niet in de lijst.", $"Kind of tie: '{Short(kind)}' is not on the list.", "tieKind"));
        }

        if (errors.Count > 0)
        {
            return Result<ValidTie>.Fail(errors);
        }

        if (existing.Any(t => t.MunicipalityNisCode == nis && t.Kind == kind))
        {
            return DomainError.Conflict("duplicate-tie", "Deze band met deze gemeente staat er al.", "This tie with this municipality is recorded already.", "tieKind");
        }

        return Result<ValidTie>.Ok(new ValidTie(nis, kind, InputText.Clean(input.Note, 500)));
    }

    /// <summary>A link joins two different actors of one partnership, once (in either direction), on something said.</summary>
    public static IReadOnlyList<DomainError> CheckLink(int actorId, LinkInput input, bool otherInPartnership, IEnumerable<(int From, int To)> existing)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<DomainError>();
        if (input.OtherActorId is not { } other)
        {
            errors.Add(Required("otherActorId", "Samenwerkt met", "Works with"));
            return errors;
        }

        if (other == actorId)
        {
            errors.Add(DomainError.Invalid("self-link", "Samenwerkt met: een actor werkt niet samen met zichzelf.", "Works with: an actor does not cooperate with itself.", "otherActorId"));
        }
        else if (!otherInPartnership)
        {
            errors.Add(DomainError.Invalid("unknown-actor", $"Samenwerkt met: actor {other} is geen actor van dit regieverband.", $"Works with: actor {other} is not an actor of this partnership.", "otherActorId"));
        }

        if (InputText.Clean(input.About, 500) is null)
        {
            errors.Add(Required("about", "Waarover", "On what"));
        }

        if (errors.Count == 0 && existing.Any(l => (l.From == actorId && l.To == other) || (l.From == other && l.To == actorId)))
        {
            errors.Add(DomainError.Conflict("duplicate-link", "Deze samenwerking staat er al.", "This cooperation is recorded already.", "otherActorId"));
        }

        return errors;
    }

    /// <summary>A short code for a kind the department adds: lower-case letters, digits and hyphens.</summary>
    public static IReadOnlyList<DomainError> CheckKind(string? code, string? nameNl, string? nameEn, IReadOnlySet<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<DomainError>();
        var c = code?.Trim() ?? "";
        if (c.Length is < 2 or > 40 || !c.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-'))
        {
            errors.Add(DomainError.Invalid("validation", "Code: 2 tot 40 kleine letters, cijfers of koppeltekens.", "Code: 2 to 40 lower-case letters, digits or hyphens.", "code"));
        }
        else if (existing.Contains(c))
        {
            errors.Add(DomainError.Conflict("duplicate-kind", $"Code: de soort '{c}' bestaat al.", $"Code: the kind '{c}' exists already.", "code"));
        }

        if (InputText.Clean(nameNl, 200) is null)
        {
            errors.Add(Required("nameNl", "Naam (Nederlands)", "Name (Dutch)"));
        }

        if (InputText.Clean(nameEn, 200) is null)
        {
            errors.Add(Required("nameEn", "Naam (Engels)", "Name (English)"));
        }

        return errors;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    private static DomainError Required(string field, string nl, string en) =>
        DomainError.Invalid("required", $"{nl}: verplicht.", $"{en}: required.", field);

    private static DomainError BadEmail(string field) =>
        DomainError.Invalid("validation", "E-mail: een adres met één @, zonder spaties.", "E-mail: an address with one @, no spaces.", field);

    private static DomainError UnknownMunicipality(string field, string value) =>
        DomainError.Invalid("unknown-municipality", $"Gemeente: '{Short(value)}' is geen NIS-code van een gemeente (indeling 2025).", $"Municipality: '{Short(value)}' is not the NIS code of a municipality (2025 set).", field);

    private static string Short(string? text) => text is null ? "" : text.Trim().Length > 40 ? string.Concat(text.Trim().AsSpan(0, 40), "…") : text.Trim();

    /// <summary>A date as the trail stores it.</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
