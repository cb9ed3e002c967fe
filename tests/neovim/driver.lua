-- Drives coquille-language-server through Neovim's own LSP client (headless), for
-- tests/neovim.test.ts. The client is started by the README's init snippet (sourced before
-- this file); each scenario opens a file, waits for what a user would wait for, acts through
-- the editor's own commands (vim.lsp.buf.code_action with vim.ui.select answered by title),
-- and writes what it saw as JSON to $COQUILLE_NVIM_OUT.
local scenario = os.getenv('COQUILLE_SCENARIO')
local folder = os.getenv('COQUILLE_FOLDER')
local out = {}

local function finish()
  local file = assert(io.open(os.getenv('COQUILLE_NVIM_OUT'), 'w'))
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd('qa!')
end

local function wait_for(what, condition, ms)
  if not vim.wait(ms or 15000, condition, 20) then
    error('timed out waiting for ' .. what)
  end
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(folder .. '/' .. name))
  local buffer = vim.api.nvim_get_current_buf()
  wait_for('the client to attach', function()
    return #vim.lsp.buf_get_clients(buffer) > 0
  end)
  return buffer
end

local function lines(buffer)
  return vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
end

-- Diagnostics as Neovim holds them: 0-based line, byte columns.
local function diagnostics(buffer)
  local list = vim.diagnostic.get(buffer)
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return vim.tbl_map(function(d)
    return { line = d.lnum, col = d.col, end_col = d.end_col, code = d.code, message = d.message }
  end, list)
end

local function wait_diagnostics(buffer, condition)
  wait_for('diagnostics', function()
    return condition(vim.diagnostic.get(buffer))
  end)
  return diagnostics(buffer)
end

-- The editor's own code-action path: cursor on the finding, vim.lsp.buf.code_action,
-- the menu answered with the first title containing `wanted`. Returns the titles offered.
local function code_action(buffer, line, col, wanted, context)
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  local offered = nil
  local tick = vim.api.nvim_buf_get_changedtick(buffer)
  vim.ui.select = function(items, options, on_choice)
    offered = {}
    local chosen = nil
    for _, item in ipairs(items) do
      local title = options.format_item(item)
      table.insert(offered, title)
      if chosen == nil and wanted and title:find(wanted, 1, true) then
        chosen = item
      end
    end
    on_choice(chosen)
  end
  local notify = vim.notify
  vim.notify = function(message)
    if message:find('No code actions', 1, true) then
      offered = {}
    end
  end
  vim.lsp.buf.code_action(context)
  wait_for('code actions', function()
    return offered ~= nil
  end)
  vim.notify = notify
  return offered, tick
end

local function wait_edit(buffer, tick)
  wait_for('the edit', function()
    return vim.api.nvim_buf_get_changedtick(buffer) ~= tick
  end)
end

local function find(list, code)
  for _, d in ipairs(list) do
    if d.code == code then
      return d
    end
  end
end

local scenarios = {}

-- Diagnostics read back from the buffer, on lines with accents and emoji.
function scenarios.diagnostics()
  local buffer = open('accents.md')
  out.diagnostics = wait_diagnostics(buffer, function(list)
    return #list > 0
  end)
  out.lines = lines(buffer)
end

-- Quick fixes on lines with accents, through the client's byte-column ranges; then a fix
-- asked right after typing before the finding, while the diagnostics are stale.
function scenarios.quickfix()
  local buffer = open('quickfix.txt')
  local list = wait_diagnostics(buffer, function(l)
    return #l >= 2
  end)
  local japon = find(list, 'proper-noun-article')
  local offered, tick = code_action(buffer, japon.line, japon.col, 'Remplacer par « le »')
  out.japon_offered = offered
  wait_edit(buffer, tick)
  -- Type before « Mr » on its line, then ask for the fix at once: the client still holds
  -- the diagnostic of the text before typing.
  local mister = find(diagnostics(buffer), 'honorifics')
  vim.api.nvim_buf_set_text(buffer, mister.line, 0, mister.line, 0, { 'Hier, é' })
  offered, tick = code_action(buffer, mister.line, 0, 'Remplacer par « M. »', {
    diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buffer, mister.line),
  })
  out.mister_offered = offered
  wait_edit(buffer, tick)
  out.lines = lines(buffer)
end

-- Fix-all through the code-action menu, then formatting, on a second buffer.
function scenarios.fixall()
  local buffer = open('fixall.md')
  wait_diagnostics(buffer, function(l)
    return #l > 0
  end)
  local offered, tick = code_action(buffer, 0, 0, 'Corriger tout', { only = { 'source.fixAll' } })
  out.offered = offered
  wait_edit(buffer, tick)
  out.fixed = lines(buffer)
  local other = open('format.md')
  wait_diagnostics(other, function(l)
    return #l > 0
  end)
  vim.lsp.buf.formatting_sync(nil, 10000)
  out.formatted = lines(other)
end

-- "Disable on this line": the titles offered on each flagged line, then the comment
-- inserted on the last one and the diagnostics after it.
function scenarios.disable()
  local buffer = open('disable.md')
  local list = wait_diagnostics(buffer, function(l)
    return #l >= 5
  end)
  out.offered = {}
  for _, d in ipairs(list) do
    local titles = code_action(buffer, d.line, d.col, nil)
    local has = false
    for _, title in ipairs(titles) do
      if title:find('Désactiver', 1, true) then
        has = true
      end
    end
    table.insert(out.offered, { line = d.line, disable = has })
  end
  local last = list[#list]
  local _, tick = code_action(buffer, last.line, last.col, 'Désactiver')
  wait_edit(buffer, tick)
  vim.cmd('write')
  out.after = wait_diagnostics(buffer, function(l)
    return #l == #list - 1
  end)
end

-- The same in a file with CRLF line endings (Neovim: 'fileformat' dos), written back.
function scenarios.disable_crlf()
  local buffer = open('crlf.md')
  local list = wait_diagnostics(buffer, function(l)
    return #l >= 2
  end)
  out.fileformat = vim.bo[buffer].fileformat
  local last = list[#list]
  local _, tick = code_action(buffer, last.line, last.col, 'Désactiver')
  wait_edit(buffer, tick)
  vim.cmd('write')
  out.after = wait_diagnostics(buffer, function(l)
    return #l == #list - 1
  end)
end

-- "Add to vocabulary" through the menu: the command runs on the server, the finding goes.
function scenarios.vocabulary()
  local buffer = open('vocabulary.txt')
  local list = wait_diagnostics(buffer, function(l)
    return #l >= 8
  end)
  out.offered = {}
  for _, d in ipairs(list) do
    for _, title in ipairs(code_action(buffer, d.line, d.col, nil)) do
      if title:find('vocabulaire', 1, true) then
        table.insert(out.offered, title)
      end
    end
  end
  local glued = find(list, 'glued-words')
  code_action(buffer, glued.line, glued.col, 'Ajouter')
  out.after = wait_diagnostics(buffer, function(l)
    return #l == #list - 1
  end)
end

-- The configuration changed on disk, no notification from the client (Neovim 0.7 sends none).
function scenarios.config()
  local buffer = open('config.md')
  out.before = wait_diagnostics(buffer, function(l)
    return #l > 0
  end)
  local file = assert(io.open(folder .. '/.coquillerc.json', 'w'))
  file:write('{"rules": {"repeated-words": "off"}}')
  file:close()
  out.after = wait_diagnostics(buffer, function(l)
    return #l == 0
  end)
end

local ok, problem = pcall(scenarios[scenario])
if not ok then
  out.error = tostring(problem)
end
finish()
