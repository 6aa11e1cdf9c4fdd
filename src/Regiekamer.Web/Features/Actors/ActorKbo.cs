using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;

namespace Regiekamer.Web.Features.Actors;

/// <summary>
/// Fills the actor's form from the KBO extract in force (issue 10, point 2): the name, the registered office (and so the
/// municipality, when its name is one of the 2025 set) and, when the activities are still empty, the NACE activities.
/// Nothing is saved: the regisseur reviews the form and saves it.
/// </summary>
public static class ActorKbo
{
    public static async Task<Result<KboEnterpriseInfo>> FillAsync(ActorForm input, KboService kbo, IReadOnlyDictionary<NisCode, string> municipalities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kbo);
        ArgumentNullException.ThrowIfNull(municipalities);
        if (!KboNumber.TryParse(input.KboNumber, out var number))
        {
            return DomainError.Rule(ActorRules.KboRule, "KBO-nummer: tien cijfers met een geldig controlegetal (97 − de eerste acht mod 97), bv. 0207.000.077.", "KBO number: ten digits with valid check digits (97 − the first eight mod 97), e.g. 0207.000.077.", "kboNumber");
        }

        var found = await kbo.FindAsync(number, ct);
        if (!found.IsSuccess)
        {
            return Result<KboEnterpriseInfo>.Fail(found.Errors.Select(e => e with { Field = "kboNumber" }).ToList());
        }

        var e = found.Value!;
        input.KboNumber = number.ToDisplayString();
        input.Name = e.Name ?? input.Name;
        if (e.RegisteredOffice is { } office)
        {
            input.Street = office.Street;
            input.HouseNumber = string.IsNullOrEmpty(office.Box) ? office.HouseNumber : $"{office.HouseNumber} bus {office.Box}";
            input.Zipcode = office.Zipcode;
            var municipality = municipalities.FirstOrDefault(m => string.Equals(m.Value, office.Municipality, StringComparison.OrdinalIgnoreCase));
            if (municipality.Value is not null)
            {
                input.MunicipalityNisCode = municipality.Key.Value;
            }
        }

        if (string.IsNullOrWhiteSpace(input.Activities) && e.Nace.Count > 0)
        {
            input.Activities = string.Join('\n', e.Nace.Select(n => $"NACE {n.Code} {n.Label}".TrimEnd()));
        }

        return Result<KboEnterpriseInfo>.Ok(e);
    }
}
