using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Actors;

/// <summary>The actor's main form as posted: text as typed, target groups as checked codes, municipalities served as selected NIS codes.</summary>
public sealed class ActorForm
{
    public string? Name { get; set; }

    public string? KboNumber { get; set; }

    public string? KindCode { get; set; }

    public string? Street { get; set; }

    public string? HouseNumber { get; set; }

    public string? Zipcode { get; set; }

    public string? MunicipalityNisCode { get; set; }

    public string? Website { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Activities { get; set; }

    public string? Vision { get; set; }

    public List<string> TargetGroups { get; set; } = [];

    public List<string> ServedMunicipalities { get; set; } = [];

    public ActorInput ToInput() => new(Name, KboNumber, KindCode, Street, HouseNumber, Zipcode, MunicipalityNisCode, Website, Email, Phone, Activities, Vision, TargetGroups, ServedMunicipalities);

    public static ActorForm Of(Actor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new()
        {
            Name = a.Name,
            KboNumber = a.KboNumber is { } k && Core.Common.KboNumber.TryParse(k, out var n) ? n.ToDisplayString() : a.KboNumber,
            KindCode = a.KindCode,
            Street = a.Street,
            HouseNumber = a.HouseNumber,
            Zipcode = a.Zipcode,
            MunicipalityNisCode = a.MunicipalityNisCode?.Value,
            Website = a.Website,
            Email = a.Email,
            Phone = a.Phone,
            Activities = a.Activities,
            Vision = a.Vision,
            TargetGroups = a.TargetGroups.Select(t => t.Code).ToList(),
            ServedMunicipalities = a.ServedMunicipalities.Select(m => m.NisCode.Value).ToList(),
        };
    }
}

/// <summary>What the form partial needs: the form, its errors, the version (editing), the kinds and the 2025 municipalities, where Cancel goes, and what KBO said when the regisseur fetched it.</summary>
public sealed record ActorFormView(ActorForm Input, IReadOnlyList<DomainError> Errors, int? Version, IReadOnlyList<ActorKind> Kinds, IReadOnlyDictionary<NisCode, string> Municipalities, string CancelUrl, Core.Kbo.KboEnterpriseInfo? Kbo = null);
