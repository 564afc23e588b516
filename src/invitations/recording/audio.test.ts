// Which uploads count as a recording of one's name: audio recognised by its first bytes, within
// 1 MB and, for WAV where the header tells, 30 seconds.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { checkRecording, RECORDING_MAX_BYTES, sniffAudioType, wavDurationSeconds } from './audio.ts'
import { ogg, PNG, wav, webm } from './recording-test-support.ts'

const withHead = (head: number[] | string, rest = 200) => Buffer.concat([typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head), Buffer.alloc(rest)])
const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(200)])

describe('recognising a recording by its bytes', () => {
  test('the formats phones and browsers record are recognised, whatever the file is called', () => {
    assert.equal(sniffAudioType(webm()), 'audio/webm')
    assert.equal(sniffAudioType(ogg()), 'audio/ogg')
    assert.equal(sniffAudioType(wav(1)), 'audio/wav')
    assert.equal(sniffAudioType(ftyp('M4A ')), 'audio/mp4')
    assert.equal(sniffAudioType(ftyp('isom')), 'audio/mp4')
    assert.equal(sniffAudioType(ftyp('3gp4')), 'audio/3gpp')
    assert.equal(sniffAudioType(ftyp('3g2a')), 'audio/3gpp2')
    assert.equal(sniffAudioType(withHead('ID3')), 'audio/mpeg')
    assert.equal(sniffAudioType(withHead([0xff, 0xfb, 0x90, 0x64])), 'audio/mpeg', 'an MPEG-1 layer III frame without a tag')
    assert.equal(sniffAudioType(withHead([0xff, 0xf1, 0x50, 0x80])), 'audio/aac', 'AAC in ADTS frames')
  })

  test('pictures, documents and text are not audio, also when they share a container', () => {
    assert.equal(sniffAudioType(PNG), null)
    assert.equal(sniffAudioType(withHead([0xff, 0xd8, 0xff, 0xe0])), null, 'JPEG')
    assert.equal(sniffAudioType(ftyp('heic')), null, 'an iPhone photo')
    assert.equal(sniffAudioType(ftyp('avif')), null)
    assert.equal(sniffAudioType(withHead('%PDF-1.7')), null)
    assert.equal(sniffAudioType(withHead('RIFF\u0000\u0000\u0000\u0000WEBP')), null, 'a WebP picture is RIFF too')
    assert.equal(sniffAudioType(Buffer.from('Ahmed, zoals "ach-met"')), null)
    assert.equal(sniffAudioType(Buffer.from([0xff])), null)
  })
})

describe('whether an upload may be kept', () => {
  test('an empty upload is refused as empty, a larger one than 1 MB as too large', () => {
    assert.deepEqual(checkRecording(null), { ok: false, problem: 'empty' })
    assert.deepEqual(checkRecording(Buffer.alloc(0)), { ok: false, problem: 'empty' })
    assert.deepEqual(checkRecording(Buffer.concat([webm(), Buffer.alloc(RECORDING_MAX_BYTES)])), { ok: false, problem: 'tooLarge' })
    assert.deepEqual(checkRecording(Buffer.concat([webm(), Buffer.alloc(RECORDING_MAX_BYTES - webm().length)])), { ok: true, contentType: 'audio/webm' }, 'exactly 1 MB is fine')
  })

  test('a WAV file is measured from its header: 30 seconds pass, 40 are too long', () => {
    assert.equal(wavDurationSeconds(wav(2)), 2)
    assert.deepEqual(checkRecording(wav(30)), { ok: true, contentType: 'audio/wav' })
    assert.deepEqual(checkRecording(wav(40)), { ok: false, problem: 'tooLong' })
  })

  test('a streamed WAV that states no data size is measured by the bytes present', () => {
    const streamed = wav(40)
    streamed.writeUInt32LE(0, 40)
    assert.equal(wavDurationSeconds(streamed), 40)
    const claimsLess = wav(40)
    claimsLess.writeUInt32LE(8000, 40)
    assert.equal(wavDurationSeconds(claimsLess), 1, 'a stated size that fits is believed')
  })

  test('a WAV header without a format chunk is not taken as audio', () => {
    const broken = Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEdata', 'latin1'), Buffer.from([8, 0, 0, 0]), Buffer.alloc(8)])
    assert.deepEqual(checkRecording(broken), { ok: false, problem: 'notAudio' })
  })
})
