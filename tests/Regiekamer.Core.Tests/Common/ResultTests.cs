using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class ResultTests
{
    [Fact]
    public void Ok_HasAValueAndNoErrors()
    {
        var result = Result<int>.Ok(42);

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void AnError_ConvertsToAFailedResult()
    {
        Result<int> result = DomainError.Rule(Rules.R13, "R13: nl", "R13: en", "budget");

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal((Rules.R13, "budget", ErrorKind.RuleBroken), (error.Code, error.Field, error.Kind));
        Assert.Equal(new Bilingual("R13: nl", "R13: en"), error.Message);
    }

    [Fact]
    public void NotFoundAndConflict_CarryTheirKind()
    {
        Assert.Equal(("not-found", ErrorKind.NotFound), (DomainError.NotFound("weg", "gone").Code, DomainError.NotFound("weg", "gone").Kind));
        Assert.Equal(("duplicate-name", ErrorKind.Conflict), (DomainError.Conflict("duplicate-name", "dubbel", "twice").Code, DomainError.Conflict("duplicate-name", "dubbel", "twice").Kind));
    }
}
