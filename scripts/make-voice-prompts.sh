#!/usr/bin/env bash
# Regenerates the packaged voice prompts (src-renderer/public/audio) with espeak-ng
# and sox, offline: the kiosk never uses a network speech service. A city that has
# recorded prompts replaces these files with the same names.
# Needs: apt-get install espeak-ng sox libsox-fmt-all
set -euo pipefail
out="$(dirname "$0")/../src-renderer/public/audio"
mkdir -p "$out"
say() { # name voice text
  local wav
  wav="$(mktemp --suffix=.wav)"
  espeak-ng -v "$2" -s 150 -w "$wav" "$3"
  sox "$wav" -r 22050 -c 1 -C 3 "$out/$1.ogg" norm -3
  rm -f "$wav"
}
say idle.zh-CN cmn "请将身份证放在感应区"
say consent.zh-CN cmn "请阅读提示，确认后点击同意并查询"
say summary.zh-CN cmn "这是您的公共信用信息概要，可以打印信用报告"
say printing.zh-CN cmn "正在打印，请稍候"
say done.zh-CN cmn "请取走您的身份证和报告"
say take-card.zh-CN cmn "本次查询已结束，请取走您的身份证"
say idle.en en "Please place your ID card on the reader"
say consent.en en "Please read the notice, then tap agree to continue"
say summary.en en "This is your public credit information. You can print a credit report"
say printing.en en "Printing, please wait"
say done.en en "Please take your ID card and your report"
say take-card.en en "This query has ended. Please take your ID card"
say commitment.zh-CN cmn "请选择要签署的信用承诺书，阅读全文"
say commitment-sign.zh-CN cmn "请在框内签名，签好后点击确认签署"
say commitment-done.zh-CN cmn "承诺已签署，请取走承诺书副本"
say commitment.en en "Choose the credit commitment to sign, and read it through"
say commitment-sign.en en "Please sign inside the frame, then tap sign and print"
say commitment-done.en en "The commitment is signed. Please take your copy"
