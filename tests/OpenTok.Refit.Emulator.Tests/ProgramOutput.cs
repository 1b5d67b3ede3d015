namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Reads what the emulator program writes while it runs in-process (its output is a synchronized writer over <c>text</c>).</summary>
internal static class ProgramOutput
{
    /// <summary>Everything written so far.</summary>
    public static string Read(TextWriter output, StringWriter text)
    {
        lock (output)
        {
            return text.ToString();
        }
    }

    /// <summary>The address the program printed once it listens; waits up to five seconds for it.</summary>
    public static async Task<Uri> WaitForAddressAsync(TextWriter output, StringWriter text)
    {
        for (var i = 0; i < 200; i++)
        {
            var line = Read(output, text).Split('\n').FirstOrDefault(l => l.StartsWith("OpenTok emulator listening on ", StringComparison.Ordinal));
            if (line is not null)
            {
                return new Uri(line["OpenTok emulator listening on ".Length..].Trim());
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The emulator did not print its address.");
    }
}
