using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Catalogue;

public sealed class OfferingRulesTests
{
    private static readonly NisCode Antwerpen = NisCode.Parse("11002");
    private static readonly NisCode Aartselaar = NisCode.Parse("11001");
    private static readonly NisCode Wetteren = NisCode.Parse("42025");

    private static OfferingReferences Refs() => new(
        CatalogueCategory.BuiltIn.ToDictionary(c => c.Code, c => CatalogueCategory.Add(c.Code, c.Nl, c.En, 0, c.Cpv), StringComparer.Ordinal),
        CpvVocabulary.Shipped,
        new HashSet<NisCode> { Antwerpen, Aartselaar, Wetteren },
        new Dictionary<string, IReadOnlyList<NisCode>>(StringComparer.Ordinal) { ["REFREG01"] = [Aartselaar, Antwerpen] });

    private static OfferingInput Input(string[]? cpv = null, string[]? municipalities = null, string[]? regions = null, bool consent = true, string? name = "An") =>
        new("Groenonderhoud", null, ["groenonderhoud"], cpv ?? [], municipalities ?? [], regions ?? [], [], name, null, null, consent);

    [Fact]
    public void WithoutCodesOfItsOwn_AServiceTakesItsCategoriesCodes()
    {
        var content = OfferingRules.Check(Input(municipalities: ["11002"]), Refs()).Value!;
        Assert.Equal(["77300000-3", "77310000-6", "77311000-3"], content.CpvCodes);
    }

    [Fact]
    public void CpvCodes_AreTakenAsTheListHasThem_OrRefused()
    {
        Assert.Equal(["79810000-5"], OfferingRules.Check(Input(cpv: ["79810000"], municipalities: ["11002"]), Refs()).Value!.CpvCodes);
        var wrong = OfferingRules.Check(Input(cpv: ["79810000-4"], municipalities: ["11002"]), Refs());
        Assert.Equal("unknown-cpv", wrong.Errors.Single().Code);
    }

    [Fact]
    public void ARegion_AddsAllItsMunicipalities_AndTheAreaIsNeverFreeText()
    {
        var content = OfferingRules.Check(Input(municipalities: ["42025"], regions: ["REFREG01"]), Refs()).Value!;
        Assert.Equal([Aartselaar, Antwerpen, Wetteren], content.Municipalities);
        var free = OfferingRules.Check(Input(municipalities: ["Antwerpen en omstreken"]), Refs());
        Assert.Contains(free.Errors, e => e.Code == "unknown-municipality" && e.Field == "municipalities");
        Assert.Null(free.Value);
        Assert.Equal("municipalities", OfferingRules.Check(Input(), Refs()).Errors.Single().Field);
    }

    [Fact]
    public void Consent_CountsOnlyWithAContactPerson()
    {
        Assert.True(OfferingRules.Check(Input(municipalities: ["11002"]), Refs()).Value!.ContactConsent);
        Assert.False(OfferingRules.Check(Input(municipalities: ["11002"], name: null), Refs()).Value!.ContactConsent);
    }
}
