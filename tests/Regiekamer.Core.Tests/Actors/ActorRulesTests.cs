using CsCheck;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Actors;

/// <summary>The inventory's pure rules: an actor's input, a recognition, a contact, a tie, a link, a new kind.</summary>
public sealed class ActorRulesTests
{
    private static readonly IReadOnlySet<string> Kinds = ActorKind.BuiltIn.Select(k => k.Code).ToHashSet();
    private static readonly IReadOnlySet<NisCode> Set2025 = new[] { "42028", "42008", "44021" }.Select(NisCode.Parse).ToHashSet();

    private static ActorInput Valid => new("Demo Kringloop", "0207.000.077", "kringloopcentrum", MunicipalityNisCode: "42028", TargetGroups: ["jongeren"], ServedMunicipalities: ["42028", "42008", "42028"]);

    [Fact]
    public void ValidInput_IsCleaned_KboAsTenDigits_ServedWithoutDuplicates()
    {
        var result = ActorRules.Validate(Valid with { Name = "  Demo Kringloop  " }, Kinds, Set2025);
        Assert.True(result.IsSuccess);
        Assert.Equal("Demo Kringloop", result.Value!.Name);
        Assert.Equal("0207000077", result.Value.Kbo?.Value);
        Assert.Equal(["42008", "42028"], result.Value.ServedMunicipalities.Select(n => n.Value));
    }

    [Fact]
    public void EveryCheckDigitButTheRightOne_BreaksTheKboRule_NamingTheField()
    {
        Gen.Int[0, 99].Where(d => d != 77).Sample(d =>
        {
            var result = ActorRules.Validate(Valid with { KboNumber = $"02070000{d:00}" }, Kinds, Set2025);
            var error = Assert.Single(result.Errors);
            Assert.Equal((ActorRules.KboRule, "kboNumber", ErrorKind.RuleBroken), (error.Code, error.Field, error.Kind));
        });
    }

    [Fact]
    public void AnyValidKboNumber_IsAccepted()
    {
        Gen.Int[1_000_000, 19_999_999].Sample(body =>
        {
            var check = 97 - (body % 97);
            var number = $"{body:00000000}{check:00}";
            Assert.True(ActorRules.Validate(Valid with { KboNumber = number }, Kinds, Set2025).IsSuccess, number);
        });
    }

    [Theory]
    [InlineData("name", null, null, null, null, null)]
    [InlineData("kindCode", "x", "geen-soort", null, null, null)]
    [InlineData("municipalityNisCode", "x", "lde", "Zele", null, null)]
    [InlineData("servedMunicipalities", "x", "lde", null, "11001", null)]
    [InlineData("targetGroups", "x", "lde", null, null, "iedereen")]
    public void BadField_IsNamed(string field, string? name, string? kind, string? municipality, string? served, string? group)
    {
        var input = new ActorInput(name, null, kind ?? "lde", MunicipalityNisCode: municipality, ServedMunicipalities: served is null ? null : [served], TargetGroups: group is null ? null : [group]);
        var result = ActorRules.Validate(input, Kinds, Set2025);
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Fact]
    public void Email_And_Website_AreChecked()
    {
        var result = ActorRules.Validate(Valid with { Email = "geen adres", Website = "javascript:alert(1)" }, Kinds, Set2025);
        Assert.Equal(["email", "website"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Recognition_NeedsWhatByWhomFrom_UntilNotBeforeFrom()
    {
        Assert.True(ActorRules.Validate(new RecognitionInput("Maatwerkbedrijf", "Departement WSE", new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1))).IsSuccess);
        Assert.Equal(["what", "grantedBy", "validFrom"], ActorRules.Validate(new RecognitionInput(" ", null, null, null)).Errors.Select(e => e.Field));
        Assert.Equal("validUntil", Assert.Single(ActorRules.Validate(new RecognitionInput("LDE", "Departement WSE", new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31))).Errors).Field);
    }

    [Fact]
    public void Contact_NeedsAName_EmailChecked()
    {
        Assert.Equal(["contactName", "contactEmail"], ActorRules.Validate(new ContactInput(null, null, "a@b@c", null, false)).Errors.Select(e => e.Field));
        Assert.True(ActorRules.Validate(new ContactInput("Demo Persoon", "Coördinator", "demo@demo.example", null, true)).IsSuccess);
    }

    [Fact]
    public void Tie_OnlyWithAMember_KnownKind_NotTwice_ButSeveralKindsPerMunicipality()
    {
        var members = new[] { NisCode.Parse("42028") };
        var existing = new List<ActorTie> { new() { MunicipalityNisCode = NisCode.Parse("42028"), Kind = "klantrelatie" } };
        Assert.Equal("tieMunicipality", Assert.Single(ActorRules.Validate(new TieInput("44021", "klantrelatie", null), members, existing).Errors).Field);
        Assert.Equal("tieKind", Assert.Single(ActorRules.Validate(new TieInput("42028", "vriendschap", null), members, existing).Errors).Field);
        Assert.Equal("duplicate-tie", Assert.Single(ActorRules.Validate(new TieInput("42028", "klantrelatie", null), members, existing).Errors).Code);
        foreach (var (kind, _) in ActorCodes.TieKinds.Where(k => k.Code != "klantrelatie"))
        {
            Assert.True(ActorRules.Validate(new TieInput("42028", kind, null), members, existing).IsSuccess, kind);
        }
    }

    [Fact]
    public void Link_NotToItself_NotOutsideThePartnership_NotTwiceInEitherDirection()
    {
        Gen.Select(Gen.Int[1, 1000], Gen.Int[1, 1000], Gen.Bool).Sample((a, b, reversed) =>
        {
            var existing = new[] { reversed ? (b, a) : (a, b) };
            var errors = ActorRules.CheckLink(a, new LinkInput(b, "Samenwerking", null), otherInPartnership: true, existing);
            Assert.Equal(a == b ? "self-link" : "duplicate-link", Assert.Single(errors).Code);
            Assert.Empty(ActorRules.CheckLink(a, new LinkInput(a == b ? b + 1 : b, "Samenwerking", null), true, []));
        });
        Assert.Equal("unknown-actor", Assert.Single(ActorRules.CheckLink(1, new LinkInput(2, "x", null), false, [])).Code);
        Assert.Equal("about", Assert.Single(ActorRules.CheckLink(1, new LinkInput(2, " ", null), true, [])).Field);
    }

    [Fact]
    public void NewKind_LowerCaseCode_BothNames_NotExisting()
    {
        Assert.Empty(ActorRules.CheckKind("sociale-onderneming", "Sociale onderneming", "Social enterprise", Kinds));
        Assert.Equal("duplicate-kind", Assert.Single(ActorRules.CheckKind("lde", "LDE", "LDE", Kinds)).Code);
        Assert.Equal(["code", "nameNl", "nameEn"], ActorRules.CheckKind("Hoofd Letter", null, "", Kinds).Select(e => e.Field));
    }
}
